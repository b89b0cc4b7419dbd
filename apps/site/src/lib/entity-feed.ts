/**
 * A feed per entity, `/entities/<id>/rss.xml`, for a reader who follows one person, place or
 * organisation: the most recent digests that mention it, as summaries that link to the digests.
 * The entity's page lists every digest that mentions it; the channel links there and says so.
 */
import type { Entity } from '@fact-digest/parser';
import type { PublishedDigest, PublishedGraph } from '../loaders/published-content.ts';
import { publication } from '../site-settings.ts';
import type { DigestFeed } from './digest-feed.ts';
import { absoluteUrl, entityFeedPath, entityPath } from './site-paths.ts';

/**
 * Items in an entity's feed. A feed tells its subscribers what is new, and their reader keeps
 * what it has already fetched, so the newest digests are what a feed is read for. With every
 * digest that mentions it, an entity's feed was up to 475 KB at 10,000 digests, fetched again on
 * every poll: the 300 entity feeds were 118 MB of the built site and about 5 s of the build
 * (BENCHMARKS.md, fix 46).
 */
export const entityFeedLength = 50;

/** The feed of `entity`: its `entityFeedLength` newest digests, newest first. */
export function entityFeed(
  entity: Entity,
  content: { digests: readonly PublishedDigest[]; graph: Pick<PublishedGraph, 'entities'> },
  site: URL,
): DigestFeed {
  const mentioning = new Set(content.graph.entities[entity.id]?.digests ?? []);
  const newest: PublishedDigest[] = [];
  // `content.digests` is newest first, as the site content keeps them.
  for (const digest of content.digests) {
    if (newest.length === entityFeedLength) break;
    if (mentioning.has(digest.id)) newest.push(digest);
  }
  return {
    title: `${publication.name}: ${entity.name}`,
    description: `The ${entityFeedLength} most recent digests that mention ${entity.name}. Every digest that mentions them is listed at ${absoluteUrl(entityPath(entity.id), site)}`,
    path: entityFeedPath(entity.id),
    page: entityPath(entity.id),
    digests: newest,
    items: 'summary',
  };
}
