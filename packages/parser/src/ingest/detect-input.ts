/** What an input file holds: an RSS or Atom feed (XML), or a plain-text article. */
export type InputKind = 'feed' | 'text';

/**
 * Anything that opens like XML is treated as a feed, so a broken feed is reported as broken
 * XML with its position instead of being archived as an article full of tags.
 */
export function detectInputKind(content: string): InputKind {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('<') ? 'feed' : 'text';
}
