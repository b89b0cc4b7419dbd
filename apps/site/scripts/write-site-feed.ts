/**
 * Writes the site feed, `/rss.xml`, into a built site, from the content set the loader stored in
 * the cache directory:
 *
 *   node scripts/write-site-feed.ts --site <built dir> --cacheDir <dir>
 *
 * scripts/build-site.ts runs it in a process of its own after `astro build`, while the search
 * index is made. The feed carries every digest in full (88 MB at 10,000 digests) and is not a
 * page: as a route, Astro turned it into a file through about four buffered copies (BENCHMARKS.md,
 * fix 31), and written in Astro's `astro:build:done` it came on top of the memory the rendering
 * left, where the build's memory peaked. Here it is written a chunk of items at a time, in a
 * process that holds only the content set, on the core the search step leaves free.
 *
 * `astro dev` serves the same feed from a route (src/integrations/site-feed.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readContentSetEntryFile } from '../src/loaders/content-entry.ts';
import { readSiteFeedContent } from '../src/lib/read-site-content.ts';
import { siteFeedChunks, writeFeedFile } from '../src/lib/site-feed.ts';
import { feedPath } from '../src/lib/site-paths.ts';
import { siteUrl } from '../src/site-settings.ts';

/** Writes `/rss.xml` into `site`; returns how many digests it carries. */
export async function writeSiteFeed(options: { site: string; cacheDir: string }): Promise<number> {
  const content = readSiteFeedContent(readContentSetEntryFile(options.cacheDir));
  await writeFeedFile(
    path.join(options.site, feedPath.slice(1)),
    siteFeedChunks(content, new URL(siteUrl)),
  );
  return content.digests.length;
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, cacheDir: { type: 'string' } },
  });
  if (values.site === undefined || values.cacheDir === undefined) {
    console.error('Usage: node scripts/write-site-feed.ts --site <built dir> --cacheDir <dir>');
    process.exit(2);
  }
  try {
    const started = performance.now();
    const digests = await writeSiteFeed({
      site: path.resolve(values.site),
      cacheDir: path.resolve(values.cacheDir),
    });
    console.log(
      `Site feed ${feedPath}: ${digests} digests in ${Math.round(performance.now() - started)} ms.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
