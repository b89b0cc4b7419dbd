import type { APIRoute } from 'astro';
import { digestFeedChunks, feedResponse } from '../lib/digest-feed.ts';
import { getSiteContent } from '../lib/site-content.ts';
import { feedPath } from '../lib/site-paths.ts';
import { publication } from '../site-settings.ts';

export const GET: APIRoute = async ({ site }) => {
  const content = await getSiteContent();
  const feedSite = site ?? new URL('https://fact-digest.example/');
  // The items' HTML was made absolute when the content was loaded; it must be for this site.
  if (content.feedHtmlSiteUrl !== feedSite.href) {
    throw new Error(
      `The digests' feed HTML was made for ${content.feedHtmlSiteUrl}, but the site is ${feedSite.href}. Build again.`,
    );
  }
  // In chunks: the site feed carries every digest's HTML (see `digestFeedChunks`).
  const chunks = digestFeedChunks(
    {
      title: publication.name,
      description: publication.description,
      path: feedPath,
      digests: content.digests,
      items: 'full',
    },
    content,
    feedSite,
  );
  return feedResponse(chunks);
};
