/**
 * Who a sentence attributes its statement to: "Zelensky said", "the Coordination Headquarters
 * for Prisoners of War stated", "according to the Coordination Headquarters", "” said Zelensky".
 * A name must read like one (capitalised words, joined only by "of", "for", "and", "the"), so
 * "both sides agreed" or "officials said" are not taken for a named claimant.
 */

const verbs = [
  'said',
  'says',
  'announced',
  'announces',
  'stated',
  'states',
  'claimed',
  'claims',
  'reported',
  'reports',
  'told',
  'confirmed',
  'confirms',
  'added',
  'noted',
  'wrote',
  'declared',
  'warned',
  'insisted',
  'estimated',
  'expressed hope',
  'expressed confidence',
];

const verbPattern = new RegExp(`\\b(${verbs.join('|')})\\b`, 'g');
const accordingTo = /\baccording to ([^,.;:]+)/i;
const connectors = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'von', 'al']);

export interface Attribution {
  name: string;
  via: string;
}

/** Trims a candidate to a name (at most eight words), or returns undefined if it is not one. */
function asName(candidate: string): string | undefined {
  const words = candidate
    .trim()
    .replace(/[.,;:”“"’]+$/u, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0 || words.length > 8) return undefined;
  const body = /^the$/i.test(words[0] ?? '') ? words.slice(1) : words;
  if (body.length === 0 || !/^\p{Lu}/u.test(body[0] ?? '')) return undefined;
  const named = body.every((word) => /^\p{Lu}/u.test(word) || connectors.has(word));
  return named ? words.join(' ') : undefined;
}

export function findAttribution(sentence: string): Attribution | undefined {
  const according = accordingTo.exec(sentence);
  if (according?.[1]) {
    const name = asName(according[1]);
    if (name) return { name, via: 'according to' };
  }
  for (const match of sentence.matchAll(verbPattern)) {
    const verb = match[1] ?? '';
    // The claimant before the verb runs back to the nearest clause boundary.
    const before = sentence.slice(0, match.index);
    const clauseStart = Math.max(
      ...[',', ';', '“', '”', '"', '('].map((mark) => before.lastIndexOf(mark)),
    );
    const name = asName(before.slice(clauseStart + 1));
    if (name) return { name, via: verb };
    // "…,” said Zelensky." puts the claimant after the verb.
    const after = sentence.slice((match.index ?? 0) + match[0].length);
    const inverted = /^\s+([^,.;:“”"]+)/u.exec(after);
    const invertedName =
      inverted?.[1] && /[,”"]\s*$/u.test(before) ? asName(inverted[1]) : undefined;
    if (invertedName) return { name: invertedName, via: verb };
  }
  return undefined;
}

/** True when the sentence quotes someone: a quotation of four words or more, or an open quote. */
export function hasQuotation(sentence: string): boolean {
  for (const match of sentence.matchAll(/[“"]([^”"]*)[”"]?/gu)) {
    if ((match[1] ?? '').trim().split(/\s+/).length >= 4) return true;
  }
  return false;
}
