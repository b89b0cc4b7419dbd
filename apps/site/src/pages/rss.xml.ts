import type { APIRoute } from 'astro';
import { digestFeedXml, feedResponse } from '../lib/digest-feed.ts';
import { getSiteContent } from '../lib/site-content.ts';
import { feedPath } from '../lib/site-paths.ts';
import { publication } from '../site-settings.ts';

export const GET: APIRoute = async ({ site }) => {
  const content = await getSiteContent();
  const xml = await digestFeedXml(
    {
      title: publication.name,
      description: publication.description,
      path: feedPath,
      digests: content.digests,
      items: 'full',
    },
    content,
    site ?? new URL('https://fact-digest.example/'),
  );
  return feedResponse(xml);
};
