/**
 * Long lists in pages: each page keyed for the incremental build, titled with where it is in the
 * list, and small enough for a reader's browser (at 10,000 digests the unpaged digest list was a
 * 7.7 MB page, the source list 3.5 MB).
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

/**
 * The address of page `number` of the list at `listPath`: the list's own address for the first
 * page, `<listPath>page/<number>/` for the others.
 *
 * Not `<listPath><number>/`, as `paginate()` would make them: the digest and source lists share
 * their folder with a page per digest or source, named by its id, and an id may be a bare number
 * (`digests/2.md`). Astro would then render one of the two pages at `/digests/2/` and drop the
 * other. An id never holds a slash, so `page/2/` cannot be one.
 */
export function listPagePath(listPath: string, number: number): string {
  return number === 1 ? listPath : `${listPath}page/${number}/`;
}

/**
 * `items` in pages of `pageSize`, addressed by `listPagePath`, in the shape of Astro's `Page` so
 * the Pagination component serves both. An empty list has one, empty, page: the list's address
 * always exists.
 */
export function pagesOf<T>(
  listPath: string,
  items: readonly T[],
  pageSize: number,
): [Page<T>, ...Page<T>[]] {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const url = (number: number) => listPagePath(listPath, number);
  const pages = Array.from({ length: lastPage }, (_, index): Page<T> => {
    const number = index + 1;
    const start = index * pageSize;
    const data = items.slice(start, start + pageSize);
    return {
      data,
      start,
      // As `paginate()` counts: the index of the page's last item (`start - 1` when empty).
      end: start + data.length - 1,
      total: items.length,
      currentPage: number,
      size: pageSize,
      lastPage,
      url: {
        current: url(number),
        prev: number > 1 ? url(number - 1) : undefined,
        next: number < lastPage ? url(number + 1) : undefined,
        first: number > 1 ? url(1) : undefined,
        last: number < lastPage ? url(lastPage) : undefined,
      },
    };
  });
  // `lastPage` is at least 1.
  return pages as [Page<T>, ...Page<T>[]];
}

/**
 * The `getStaticPaths()` entries of a list's pages after the first (the first is the list's
 * `index.astro`), for a route `<listPath>page/[page].astro`, each keyed by the hash of its props.
 */
export function laterPagePaths<T>(
  pages: readonly Page<T>[],
): { params: { page: string }; props: { page: Page<T> }; cacheKey: string }[] {
  return pages.slice(1).map((page) => ({
    params: { page: String(page.currentPage) },
    props: { page },
    cacheKey: pageCacheKey({ page }),
  }));
}
