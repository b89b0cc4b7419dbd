/**
 * RSS 2.0 feeds of digests (https://www.rssboard.org/rss-specification): the site feed and one
 * per entity. Dates come from the content, never the clock, so two builds of the same content
 * give the same bytes. Pure functions: the feed pages and the feed tests build the XML through
 * the same `digestFeedXml`, outside Astro as well as inside it.
 */
import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import { entitiesOfDigest, getVerdict } from '@fact-digest/parser';
import type { PublishedDigest as Digest } from '../loaders/published-content.ts';
import { publication } from '../site-settings.ts';
import { feedHtml } from './feed-html.ts';
import { feedXmlForReaders } from './feed-xml-for-readers.ts';
import { toInstant } from './format-date.ts';
import { compareText, type SiteContent } from './read-site-content.ts';
import { absoluteUrl, digestPath } from './site-paths.ts';

/** Items made at a time by `digestFeedChunks`. */
export const feedItemsPerChunk = 200;

export interface DigestFeed {
  title: string;
  description: string;
  /** The feed's own path, for `atom:link rel="self"`. */
  path: string;
  /** The page the channel links to, as its `<link>`; the home page when absent. */
  page?: string;
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
 * Verdict labels, tags, then the names of the registered entities the digest is about (the
 * digests their pages and feeds list), in id order.
 */
function categoriesOf(digest: Digest, content: FeedContent): string[] {
  const verdictLabels = digest.claims.map((claim) => getVerdict(claim.verdict).label);
  const entityNames = [...entitiesOfDigest(digest)]
    .sort(compareText)
    .flatMap((entityId) => content.entityById.get(entityId)?.name ?? []);
  return [...new Set([...verdictLabels, ...digest.tags, ...entityNames])];
}

/** The channel part of the options `@astrojs/rss` builds a feed from: everything but its items. */
function channelOptions(feed: DigestFeed, site: URL): Omit<RSSOptions, 'items'> {
  const selfUrl = absoluteUrl(feed.path, site);
  const changed = lastChanged(feed.digests);
  const channelData = [
    `<language>${publication.language}</language>`,
    changed ? `<lastBuildDate>${changed.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
  return {
    title: feed.title,
    description: feed.description,
    site: feed.page === undefined ? site.href : absoluteUrl(feed.page, site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: channelData,
    trailingSlash: true,
  };
}

/**
 * A digest's item: title, link, date, the conclusion as its description, categories, and for
 * a `full` feed the digest's feed HTML (`body`) in `content:encoded`.
 */
function feedItem(
  feed: DigestFeed,
  digest: Digest,
  content: FeedContent,
  site: URL,
  body: string | undefined,
): RSSFeedItem {
  if (feed.items === 'full' && body === undefined) {
    throw new Error(`The feed ${feed.path} has no HTML for ${digest.id}.`);
  }
  const link = absoluteUrl(digestPath(digest.id), site);
  return {
    title: digest.title,
    link,
    pubDate: new Date(toInstant(digest.published)),
    description: digest.conclusion,
    ...(feed.items === 'full' && body !== undefined ? { content: feedHtml(digest, body) } : {}),
    categories: categoriesOf(digest, content),
  };
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
  return {
    ...channelOptions(feed, site),
    items: feed.digests.map((digest) =>
      feedItem(feed, digest, content, site, bodies.get(digest.id)),
    ),
  };
}

/** How a feed document ends, after its last item. */
const documentEnd = '</channel></rss>';

/**
 * The feed document in pieces, in order: the channel, then its items a chunk at a time, then its
 * end. The site feed carries every digest's HTML (88 MB at 10,000 digests); made whole, it was
 * built, made safe for readers and encoded as one string after another, and the build's memory
 * peaked there (about 0.6 GB more than the rest of the build). In pieces, a chunk's feed HTML is
 * read only when the chunk is made, and what is held at once is the chunk's.
 *
 * Each chunk is a whole `@astrojs/rss` document of the chunk's items under the same channel, of
 * which only the items are kept: the items are written one after another, whatever their
 * neighbours, so the pieces join into the document `@astrojs/rss` would write for the whole feed
 * (a test checks this).
 */
export async function* digestFeedChunks(
  feed: DigestFeed,
  content: FeedContent,
  site: URL,
  itemsPerChunk = feedItemsPerChunk,
): AsyncGenerator<string> {
  const channel = channelOptions(feed, site);
  if (feed.digests.length === 0) {
    yield feedXmlForReaders(await getRssString({ ...channel, items: [] }));
    return;
  }
  let header: string | undefined;
  for (let start = 0; start < feed.digests.length; start += itemsPerChunk) {
    const digests = feed.digests.slice(start, start + itemsPerChunk);
    const bodies =
      feed.items === 'full' ? digests.map((digest) => content.digestFeedHtml(digest)) : [];
    const document = feedXmlForReaders(
      await getRssString({
        ...channel,
        items: digests.map((digest, index) => feedItem(feed, digest, content, site, bodies[index])),
      }),
    );
    // Titles and descriptions are escaped, so the first `<item>` starts the first item.
    const firstItem = document.indexOf('<item>');
    if (firstItem === -1 || !document.endsWith(documentEnd)) {
      throw new Error(
        `@astrojs/rss wrote the feed ${feed.path} in a form this site does not know.`,
      );
    }
    const chunkHeader = document.slice(0, firstItem);
    if (header === undefined) {
      header = chunkHeader;
      yield header;
    } else if (chunkHeader !== header) {
      throw new Error(
        `@astrojs/rss wrote a different channel for items ${start + 1}–${start + digests.length} of ${feed.path}.`,
      );
    }
    yield document.slice(firstItem, -documentEnd.length);
  }
  yield documentEnd;
}

/** The whole feed document, as `digestFeedChunks` makes it. */
export async function digestFeedXml(
  feed: DigestFeed,
  content: FeedContent,
  site: URL,
): Promise<string> {
  let xml = '';
  for await (const chunk of digestFeedChunks(feed, content, site)) xml += chunk;
  return xml;
}

/**
 * A feed's response: a whole document, or one encoded chunk by chunk as the reader asks for more
 * (the site feed in `astro dev`; a build writes it to its file instead, see site-feed.ts).
 */
export function feedResponse(xml: string | AsyncIterable<string>): Response {
  return new Response(typeof xml === 'string' ? xml : encodedAsMade(xml), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}

/** A byte stream of `chunks` as UTF-8, each made when the reader asks for more. */
function encodedAsMade(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
