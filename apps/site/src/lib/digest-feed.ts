/**
 * RSS 2.0 feeds of digests (https://www.rssboard.org/rss-specification): the site feed and one
 * per entity. Dates come from the content, never the clock, so two builds of the same content
 * give the same bytes. Pure functions: the feed pages and the feed tests build the XML through
 * the same `digestFeedXml`, outside Astro as well as inside it.
 */
import { getRssString, type RSSOptions } from '@astrojs/rss';
import pMap from 'p-map';
import { getVerdict } from '@fact-digest/parser';
import type { PublishedDigest as Digest, PublishedGraph } from '../loaders/published-content.ts';
import { publication } from '../site-settings.ts';
import { feedHtml } from './feed-html.ts';
import { feedXmlForReaders } from './feed-xml-for-readers.ts';
import { toInstant } from './format-date.ts';
import type { SiteContent } from './site-content.ts';
import { absoluteUrl, digestPath } from './site-paths.ts';

/** Stored feed HTML files read at once while making a full feed. */
export const feedFileReads = 16;

export interface DigestFeed {
  title: string;
  description: string;
  /** The feed's own path, for `atom:link rel="self"`. */
  path: string;
  /** Published digests, newest first. */
  digests: readonly Digest[];
  /**
   * What an item carries besides its title, link, date, categories and the conclusion as its
   * description. `full`: the digest's whole HTML in `content:encoded`, for the site feed, which
   * is where a subscriber reads digests. `summary`: nothing more, for the entity feeds, which
   * tell a subscriber that a digest mentions someone and link to it. A digest mentions several
   * entities, so full HTML in every entity feed would copy each digest into each of them:
   * at 10,000 digests that was 1 GB of the 1.3 GB built site.
   */
  items: 'full' | 'summary';
}

/**
 * What a feed needs from the site content besides its digests: entity names for categories, and
 * for full items the digests' feed HTML (links already absolute).
 */
export interface FeedContent {
  graph: Pick<PublishedGraph, 'entities'>;
  entityById: SiteContent['entityById'];
  digestFeedHtml: SiteContent['digestFeedHtml'];
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The newest `published` or `updated` of the digests: the last time the feed's content changed. */
export function lastChanged(digests: readonly Digest[]): Date | undefined {
  const instants = digests.flatMap((digest) =>
    [digest.published, digest.updated ?? digest.published].map(toInstant),
  );
  return instants.length === 0 ? undefined : new Date(Math.max(...instants));
}

/**
 * The entity ids of each digest, in the order of the graph's entity index: the inverse of
 * `graph.entities`, made once per graph rather than searching every entity for every feed item.
 */
const entityIdsByDigestOf = new WeakMap<FeedContent['graph']['entities'], Map<string, string[]>>();

function entityIdsOf(digestId: string, content: FeedContent): readonly string[] {
  const entities = content.graph.entities;
  let byDigest = entityIdsByDigestOf.get(entities);
  if (byDigest === undefined) {
    byDigest = new Map();
    for (const [entityId, index] of Object.entries(entities)) {
      for (const id of new Set(index.digests)) {
        const entityIds = byDigest.get(id);
        if (entityIds) entityIds.push(entityId);
        else byDigest.set(id, [entityId]);
      }
    }
    entityIdsByDigestOf.set(entities, byDigest);
  }
  return byDigest.get(digestId) ?? [];
}

function categoriesOf(digest: Digest, content: FeedContent): string[] {
  const verdictLabels = digest.claims.map((claim) => getVerdict(claim.verdict).label);
  const entityNames = entityIdsOf(digest.id, content).map(
    (entityId) => content.entityById.get(entityId)?.name ?? entityId,
  );
  return [...new Set([...verdictLabels, ...digest.tags, ...entityNames])];
}

/**
 * The options `@astrojs/rss` builds the feed from. `bodies` holds the feed HTML of every digest
 * of a `full` feed, by digest id (`summary` feeds need none).
 */
export function digestFeedOptions(
  feed: DigestFeed,
  content: FeedContent,
  site: URL,
  bodies: ReadonlyMap<string, string> = new Map(),
): RSSOptions {
  const selfUrl = absoluteUrl(feed.path, site);
  const changed = lastChanged(feed.digests);
  const bodyOf = (digest: Digest): string => {
    const body = bodies.get(digest.id);
    if (body === undefined) throw new Error(`The feed ${feed.path} has no HTML for ${digest.id}.`);
    return body;
  };
  const channelData = [
    `<language>${publication.language}</language>`,
    changed ? `<lastBuildDate>${changed.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
  return {
    title: feed.title,
    description: feed.description,
    site: site.href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: channelData,
    trailingSlash: true,
    items: feed.digests.map((digest) => {
      const link = absoluteUrl(digestPath(digest.id), site);
      return {
        title: digest.title,
        link,
        pubDate: new Date(toInstant(digest.published)),
        description: digest.conclusion,
        ...(feed.items === 'full' ? { content: feedHtml(digest, bodyOf(digest)) } : {}),
        categories: categoriesOf(digest, content),
      };
    }),
  };
}

/** The feed document, as the feed pages serve it. */
export async function digestFeedXml(
  feed: DigestFeed,
  content: FeedContent,
  site: URL,
): Promise<string> {
  const bodies = new Map<string, string>();
  if (feed.items === 'full') {
    // A few files at a time: all at once, the site feed opened one file per digest together,
    // past the default limit of open files on some systems (256 on macOS).
    const read = await pMap(feed.digests, (digest) => content.digestFeedHtml(digest), {
      concurrency: feedFileReads,
    });
    feed.digests.forEach((digest, index) => bodies.set(digest.id, read[index] as string));
  }
  return feedXmlForReaders(await getRssString(digestFeedOptions(feed, content, site, bodies)));
}

export function feedResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
