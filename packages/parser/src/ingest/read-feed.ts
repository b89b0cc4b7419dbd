/**
 * Reads an RSS 2.0 or Atom feed into one `ReceivedArticle` per item. The XML is validated first
 * because the feed parser is lenient by design and would otherwise drop a broken item silently.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { htmlToText } from './html-to-text.ts';
import { IngestError } from './ingest-error.ts';
import type { ReceivedArticle } from './ingest-result.ts';

export function readFeed(xml: string, file: string): ReceivedArticle[] {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new IngestError(file, `malformed feed XML: ${msg}`, { line, column: col });
  }
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new IngestError(file, `not an RSS or Atom feed: ${(error as Error).message}`);
  }
  const feedTitle = feed.title?.trim();
  const feedUrl = feed.url ?? feed.self ?? undefined;
  if (feed.items.length === 0) throw new IngestError(file, 'the feed has no items to ingest');

  return feed.items.map((item, index) => {
    const html = item.content ?? item.description ?? '';
    const text = htmlToText(html);
    const origin = feed.items.length === 1 ? file : `${file}#${index + 1}`;
    if (text === '') throw new IngestError(origin, 'the feed item has no content or description');
    const article: ReceivedArticle = { origin, text };
    // Atom titles may be `type="html"`: decode them like the content.
    const title = item.title ? htmlToText(item.title).replace(/\n/g, ' ') : undefined;
    if (title) article.title = title;
    if (feedTitle) {
      // A channel title is usually "Publisher - tagline": the publisher is the part before it.
      article.publisher = feedTitle.split(/\s+[-–—|]\s+/)[0] ?? feedTitle;
      article.feed = feedUrl ? { title: feedTitle, url: feedUrl } : { title: feedTitle };
    }
    if (item.url) article.url = item.url;
    const published = item.published ?? item.updated;
    if (published) article.published = published.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return article;
  });
}
