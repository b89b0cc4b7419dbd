/**
 * Long lists in pages (Astro's `paginate()`): each page keyed for the incremental build, and
 * titled with where it is in the list.
 */
import type { Page } from 'astro';
import { pageCacheKey } from './page-cache-key.ts';

/**
 * `paginate()`'s paths, each with the hash of its props as its cache key: a list page renders
 * from its props alone (page-cache-key.ts).
 */
export function withCacheKeys<Path extends { props: unknown }>(
  paths: readonly Path[],
): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props) }));
}

/** `title` on a list's first page; `title, page 2 of 5` on the others. */
export function pagedTitle(title: string, page: Pick<Page, 'currentPage' | 'lastPage'>): string {
  return page.currentPage === 1 ? title : `${title}, page ${page.currentPage} of ${page.lastPage}`;
}
