/**
 * The site feed, `/rss.xml`: every published digest, newest first, in full. In a build it is
 * written after the pages by scripts/write-site-feed.ts; `astro dev` serves it from a route
 * (src/integrations/site-feed-route.ts). Both make it here, from the same content.
 */
import { open, rename } from 'node:fs/promises';
import { publication } from '../site-settings.ts';
import { digestFeedChunks } from './digest-feed.ts';
import type { SiteFeedContent } from './read-site-content.ts';
import { feedPath } from './site-paths.ts';

/** The feed document in pieces (see `digestFeedChunks`), for the site at `site`. */
export function siteFeedChunks(content: SiteFeedContent, site: URL): AsyncIterable<string> {
  // The items' HTML was made absolute when the content was loaded; it must be for this site.
  if (content.feedHtmlSiteUrl !== site.href) {
    throw new Error(
      `The digests' feed HTML was made for ${content.feedHtmlSiteUrl}, but the site is ${site.href}. Build again.`,
    );
  }
  return digestFeedChunks(
    {
      title: publication.name,
      description: publication.description,
      path: feedPath,
      digests: content.digests,
      items: 'full',
    },
    content,
    site,
  );
}

/**
 * Writes the chunks to `file` as they are made, through a temporary name, so the file is whole
 * or absent: at 10,000 digests the feed is 88 MB, which Astro's route handling held about four
 * times over as buffers (see BENCHMARKS.md, fix 31).
 */
export async function writeFeedFile(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    for await (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
