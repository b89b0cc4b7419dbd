/**
 * Ids for everything ingest names (sources, drafts, claims, proposed entities) must match the
 * format's `idPattern`: lower-case ASCII words joined by single hyphens.
 */
export function contentIdFrom(text: string, maxWords = Infinity): string {
  return words(text).slice(0, maxWords).join('-');
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

const stopWords = new Set(
  'a an the of and or to in on at by for with from as is are was were be been has have had its it this that these those which who while during than into also'.split(
    ' ',
  ),
);

/** An id from the first content words of a text: "The Istanbul deal was reached…" → `istanbul-deal-reached`. */
export function keywordId(text: string, maxWords: number): string {
  return words(text)
    .filter((word) => !stopWords.has(word))
    .slice(0, maxWords)
    .join('-');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}
