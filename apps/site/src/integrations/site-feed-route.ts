/**
 * `/rss.xml` in `astro dev`, where there is no build to write it after the pages (see
 * site-feed.ts in this folder): the same feed, from the content the dev server has loaded.
 */
import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/digest-feed.ts';
import { getSiteContent } from '../lib/site-content.ts';
import { siteFeedChunks } from '../lib/site-feed.ts';
import { siteUrl } from '../site-settings.ts';

export const GET: APIRoute = async ({ site }) =>
  feedResponse(siteFeedChunks(await getSiteContent(), site ?? new URL(siteUrl)));
