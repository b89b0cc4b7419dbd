/**
 * The site feed, `/rss.xml`, in `astro dev`: served from a route injected for dev only
 * (site-feed-route.ts). In a build it is not a page: scripts/build-site.ts writes it after
 * `astro build` (scripts/write-site-feed.ts), a chunk of items at a time, in a process of its own.
 * It carries every digest in full, 88 MB at 10,000 digests: as a route, Astro turned it into a
 * file through about four buffered copies, and inside Astro's process it came on top of the
 * memory the rendering left, where the build's memory peaked (BENCHMARKS.md, fixes 31 and 35).
 */
import type { AstroIntegration } from 'astro';
import { feedPath } from '../lib/site-paths.ts';

export function siteFeed(): AstroIntegration {
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
    },
  };
}
