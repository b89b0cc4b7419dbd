/**
 * Numbers a sentence asserts, normalised for checking: "2,412" → 2412, "up to 6,000" → ≤ 6000,
 * "younger than 25" → < 25, "fourth" → 4. Numbers that are part of a date ("June 14") are not
 * counts and are left to the date resolver.
 */
import nlp from 'compromise';
import type { ClaimNumber, DateMention, NumberRelation } from './ingest-result.ts';

/** The words before a number that bound it, checked against the text just before it. */
const relationCues: Array<[RegExp, NumberRelation]> = [
  [/\b(?:up to|at most|no more than|a maximum of)\s*$/i, '≤'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s*$/i, '≥'],
  [/\b(?:more|greater|older|higher)\s+than\s*$|\b(?:over|above|exceeding)\s*$/i, '>'],
  [/\b(?:fewer|less|younger|lower)\s+than\s*$|\b(?:under|below)\s*$/i, '<'],
  [/\b(?:about|around|nearly|almost|approximately|roughly|some|an estimated)\s*$/i, '≈'],
];

function relationBefore(textBefore: string): NumberRelation {
  return relationCues.find(([cue]) => cue.test(textBefore))?.[1] ?? '=';
}

interface CompromiseNumber {
  offset: { start: number; length: number };
  number: { num: number | null };
}

export function extractNumbers(
  sentence: string,
  dates: readonly DateMention[],
  sentenceOffset: number,
): ClaimNumber[] {
  const doc = nlp(sentence);
  const found = doc.numbers().json({ offset: true }) as Array<{
    terms: CompromiseNumber[];
    number: { num: number | null };
  }>;
  const ordinals = new Set(
    (doc.numbers().isOrdinal().json({ offset: true }) as Array<{ offset: { start: number } }>).map(
      (ordinal) => ordinal.offset.start,
    ),
  );
  const numbers: ClaimNumber[] = [];
  for (const entry of found) {
    const first = entry.terms[0];
    const last = entry.terms.at(-1);
    const value = entry.number.num;
    if (!first || !last || value === null || !Number.isFinite(value)) continue;
    const start = first.offset.start;
    const end = last.offset.start + last.offset.length;
    const text = sentence.slice(start, end);
    const isOrdinal = ordinals.has(start) && /^[a-z]+$/i.test(text);
    // compromise reads "a second round" as the fraction ½ and "a" as a number: words count only
    // as ordinals or as whole numbers ("Fourteen boats").
    const isWholeNumberWord =
      /^[a-z-]+$/i.test(text) && Number.isInteger(value) && !/^an?$/i.test(text);
    if (!/\d/.test(text) && !isOrdinal && !isWholeNumberWord) continue;
    const insideDate = dates.some(
      (date) =>
        sentenceOffset + start >= date.offset &&
        sentenceOffset + end <= date.offset + date.text.length,
    );
    if (insideDate) continue;
    const kind = isOrdinal ? 'ordinal' : /^(?:1[89]|20)\d{2}$/.test(text) ? 'year' : 'count';
    numbers.push({ text, value, relation: relationBefore(sentence.slice(0, start)), kind });
  }
  return numbers;
}
