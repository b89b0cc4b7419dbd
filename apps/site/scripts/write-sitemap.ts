/**
 * The sitemap of a built site (https://www.sitemaps.org/protocol.html): `sitemap-index.xml`,
 * which robots.txt names, and `sitemap-0.xml`, `sitemap-1.xml`, … of at most 50,000 pages each,
 * written with the `sitemap` package. Every page is listed, read from the site's files: each
 * `index.html` is the page at its folder's address (`build.format: 'directory'`); `404.html` is
 * not one of them.
 *
 * scripts/build-site.ts writes it after `astro build`, beside the search index and the feed.
 * Written by @astrojs/sitemap in `astro:build:done`, it added about 200 MB at 10,000 digests to
 * Astro's process at its end, on top of the memory the rendering left, where the build's memory
 * peaked (BENCHMARKS.md, fix 38).
 */
import { createWriteStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { compareText } from '../src/lib/read-site-content.ts';

/** The most pages one sitemap file may list (the protocol's limit). */
const pagesPerSitemap = 50_000;
/**
 * Folders of the site that hold no pages: Astro's assets, and the search index, which is written
 * while this runs.
 */
const foldersWithoutPages = new Set(['_astro', 'pagefind']);

/** The address of every page of the site in `site`, in code-point order. */
export function pageUrls(site: string, siteUrl: string): string[] {
  const urls: string[] = [];
  for (const entry of readdirSync(site, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'index.html') urls.push(new URL(siteUrl).href);
    if (!entry.isDirectory() || foldersWithoutPages.has(entry.name)) continue;
    for (const inner of readdirSync(path.join(site, entry.name), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!inner.isFile() || inner.name !== 'index.html') continue;
      const folder = path.relative(site, inner.parentPath).split(path.sep).join('/');
      urls.push(new URL(`${folder}/`, siteUrl).href);
    }
  }
  return urls.sort(compareText);
}

/** Writes the sitemap files into `site`; returns how many pages they list. */
export async function writeSitemap(options: { site: string; siteUrl: string }): Promise<number> {
  const { site, siteUrl } = options;
  const urls = pageUrls(site, siteUrl);
  const files = new SitemapAndIndexStream({
    limit: pagesPerSitemap,
    getSitemapStream: (index) => {
      const name = `sitemap-${index}.xml`;
      const pages = new SitemapStream({ hostname: siteUrl });
      return [
        new URL(name, siteUrl).href,
        pages,
        pages.pipe(createWriteStream(path.join(site, name))),
      ];
    },
  });
  await pipeline(
    Readable.from(urls.map((url) => ({ url }))),
    files,
    createWriteStream(path.join(site, 'sitemap-index.xml')),
  );
  return urls.length;
}
