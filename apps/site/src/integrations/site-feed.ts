/**
 * Writes the site feed, `/rss.xml`, when the pages are built, instead of rendering it as a page.
 * It carries every digest in full: 88 MB at 10,000 digests. Astro's static build turns a route's
 * response into a file by reading the whole body into buffers, about four copies of it on the
 * way with the incremental build on, and at 10,000 digests that was the build's memory peak
 * (about 420 MB above the rest). Here the feed is written to its file a chunk of items at a time.
 *
 * In `astro dev` there is no build, so the same feed is served from a route injected for dev only
 * (site-feed-route.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readContentSetEntryFile } from '../loaders/content-entry.ts';
import { sharedSiteContent } from '../lib/read-site-content.ts';
import { siteFeedChunks, writeFeedFile } from '../lib/site-feed.ts';
import { feedPath } from '../lib/site-paths.ts';

export function siteFeed(): AstroIntegration {
  let cacheDir: string | undefined;
  let site: URL | undefined;
  return {
    name: 'fact-digest-site-feed',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') {
          injectRoute({
            pattern: feedPath,
            entrypoint: new URL('./site-feed-route.ts', import.meta.url),
          });
        }
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        site = config.site === undefined ? undefined : new URL(config.site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (cacheDir === undefined || site === undefined) {
          throw new Error(
            "The site feed needs Astro's `site` setting: its links are absolute (see astro.config.ts).",
          );
        }
        const started = performance.now();
        const { content: reading, shared } = sharedSiteContent(
          await readContentSetEntryFile(cacheDir),
        );
        const content = await reading;
        const file = fileURLToPath(new URL(feedPath.slice(1), dir));
        await writeFeedFile(file, siteFeedChunks(content, site));
        logger.info(
          `${feedPath}: ${content.digests.length} digests in ${Math.round(performance.now() - started)} ms (content ${shared ? 'shared with the pages' : 'read again'})`,
        );
      },
    },
  };
}
