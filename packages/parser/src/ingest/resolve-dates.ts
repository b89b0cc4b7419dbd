/**
 * Finds the dates a sentence mentions and resolves them against the article's publication date
 * with chrono, extended for what news copy writes: "June 20 or 21" is a range, and expressions
 * such as "earlier this month" or "in the coming weeks" stay relative (with their anchor) instead
 * of being pinned to a day chrono would have to invent.
 */
import * as chrono from 'chrono-node';
import type { ParsingContext, ParsingResult } from 'chrono-node';
import type { DateMention } from './ingest-result.ts';

const relativeTag = 'fact-digest/relative';

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The year that puts month/day closest to the reference date, as chrono does for single dates. */
function closestYear(reference: Date, month: number, day: number): number {
  const year = reference.getUTCFullYear();
  const candidates = [year - 1, year, year + 1];
  const distance = (candidate: number) =>
    Math.abs(Date.UTC(candidate, month - 1, day) - reference.getTime());
  return candidates.reduce((best, candidate) =>
    distance(candidate) < distance(best) ? candidate : best,
  );
}

/** "June 20 or 21", "June 20-21", "June 20 to 21": one month, two days. */
const dayRangeParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `\\b(${monthNames.join('|')})\\s+(\\d{1,2})\\s*(?:or|to|-|–)\\s*(\\d{1,2})\\b(?!\\s*:)`,
      'i',
    ),
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const month = monthNames.indexOf((match[1] ?? '').toLowerCase()) + 1;
    const first = Number(match[2]);
    const last = Number(match[3]);
    if (month === 0 || first < 1 || last > 31 || last <= first) return null;
    const year = closestYear(context.refDate, month, first);
    return context.createParsingResult(
      match.index ?? 0,
      match[0],
      { year, month, day: first },
      { year, month, day: last },
    );
  },
};

const relativePattern =
  /\b(?:(?:earlier|later) this (?:week|month|year)|in the (?:coming|next|past|last) (?:few )?(?:days|weeks|months)|in a (?:week|month|year)|(?:last|next|this) (?:week|month|year)|recently)\b/i;

/** Relative expressions are tagged, not resolved: the editor decides what "in a week" covers. */
const relativeParser: chrono.Parser = {
  pattern: () => relativePattern,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const result: ParsingResult = context.createParsingResult(match.index ?? 0, match[0]);
    result.start.imply('year', context.refDate.getUTCFullYear());
    result.start.imply('month', context.refDate.getUTCMonth() + 1);
    result.start.imply('day', context.refDate.getUTCDate());
    result.addTag(relativeTag);
    return result;
  },
};

const newsChrono = chrono.casual.clone();
// Ours run first so that, of two overlapping results, chrono keeps the longer one (the range).
newsChrono.parsers.unshift(dayRangeParser, relativeParser);

function isoDate(components: chrono.ParsedComponents): string {
  const year = String(components.get('year')).padStart(4, '0');
  const month = String(components.get('month')).padStart(2, '0');
  const day = String(components.get('day')).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Noon UTC of a `YYYY-MM-DD` day, so no time zone moves it to another day. */
function referenceInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Dates in `text`, resolved against `anchor` (`YYYY-MM-DD`); offsets are added to `offset`. */
export function resolveDates(text: string, anchor: string, offset = 0): DateMention[] {
  const results = newsChrono.parse(text, { instant: referenceInstant(anchor), timezone: 0 });
  // A bare time ("at 2 euros" reads as 2 o'clock) names no day: not a date mention.
  const dated = results.filter(
    (result) =>
      result.tags().has(relativeTag) ||
      ['day', 'month', 'weekday', 'year'].some((component) =>
        result.start.isCertain(component as chrono.Component),
      ),
  );
  return dated.map((result): DateMention => {
    const at = offset + result.index;
    if (result.tags().has(relativeTag) || !result.start.isCertain('day')) {
      return { kind: 'relative', text: result.text, offset: at, anchor };
    }
    if (result.end && isoDate(result.end) !== isoDate(result.start)) {
      return {
        kind: 'range',
        text: result.text,
        offset: at,
        start: isoDate(result.start),
        end: isoDate(result.end),
      };
    }
    return { kind: 'date', text: result.text, offset: at, date: isoDate(result.start) };
  });
}

/**
 * The fullest date written in a text (year, month and day all given), for articles that arrive
 * without a publication date: "June 14, 2025" in a photo caption beats "June 12".
 */
export function findFullestDate(text: string): string | undefined {
  const results = newsChrono.parse(text, { instant: new Date(), timezone: 0 });
  const full = results.find(
    (result) =>
      // The year must be written: chrono also fills every component of "today".
      /\b\d{4}\b/.test(result.text) &&
      result.start.isCertain('year') &&
      result.start.isCertain('month') &&
      result.start.isCertain('day'),
  );
  return full ? isoDate(full.start) : undefined;
}
