/**
 * The list of archived sources (`/sources/`), in pages: at 10,000 digests it held 19,000 sources
 * in one 3.5 MB page.
 */
import type { Page } from 'astro';
import type { PublishedSource } from '../loaders/published-content.ts';
import { pagesOf } from './list-pages.ts';
import type { SiteContent } from './site-content.ts';

/** Sources on one page of the list: a line each. */
export const sourcesPerPage = 100;

/** What the list shows of a source; a page's cache key covers this, not the whole source. */
export type SourceListItem = Pick<PublishedSource, 'id' | 'title' | 'publisher' | 'published'>;

/** Every archived source, by title, in pages (`/sources/`, `/sources/page/2/`, …). */
export function sourceListPages(
  content: Pick<SiteContent, 'sources'>,
): [Page<SourceListItem>, ...Page<SourceListItem>[]] {
  const items = content.sources.map(({ id, title, publisher, published }) => ({
    id,
    title,
    publisher,
    published,
  }));
  return pagesOf('/sources/', items, sourcesPerPage);
}
