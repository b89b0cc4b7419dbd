import type { ReceivedArticle } from './ingest-result.ts';

/** A plain-text article as a feed aggregator delivers it: the body, one paragraph per line. */
export function readTextArticle(text: string, file: string): ReceivedArticle {
  return { origin: file, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}
