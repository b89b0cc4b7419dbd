import { getRssString, type RSSOptions } from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { digestFeedOptions, feedResponse } from '../../../lib/digest-feed.ts';
import { entityFeed } from '../../../lib/entity-feed.ts';
import { feedXmlForReaders } from '../../../lib/feed-xml-for-readers.ts';
import { pageCacheKey } from '../../../lib/page-cache-key.ts';
import { getSiteContent } from '../../../lib/site-content.ts';
import { siteUrl } from '../../../site-settings.ts';

// The feed's options (every title, date, description and category of its items) are computed
// here and the feed is written from them alone (as `digestFeedXml` does), so their hash is its
// cache key (page-cache-key.ts). `siteUrl` is Astro's `site` setting.
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  const site = new URL(siteUrl);
  return content.entities.map((entity) => {
    const options = digestFeedOptions(entityFeed(entity, content, site), content, site);
    return { params: { id: entity.id }, props: { options }, cacheKey: pageCacheKey(options) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ options: RSSOptions }> = async ({ props }) =>
  feedResponse(feedXmlForReaders(await getRssString(props.options)));
