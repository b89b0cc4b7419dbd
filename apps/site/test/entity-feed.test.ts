/**
 * An entity's feed carries its `entityFeedLength` newest digests, newest first, and sends its
 * subscribers to the entity's page, which lists every digest that mentions it. Read back with a
 * real feed parser.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@fact-digest/parser';
import { digestFeedXml, type FeedContent } from '../src/lib/digest-feed.ts';
import { entityFeed, entityFeedLength } from '../src/lib/entity-feed.ts';
import type { PublishedDigest } from '../src/loaders/published-content.ts';
import { publishedDigest } from './support/published-digest.ts';

const site = new URL('https://digest.test.example/');

const entity: Entity = {
  id: 'port-authority',
  file: 'entities/port-authority.md',
  name: 'Port Authority',
  kind: 'organization',
  aliases: [],
  description: 'Runs the port.',
  html: '',
};

/** `count` digests, newest first, one a day back from 2026-06-30. */
function digestsNewestFirst(count: number): PublishedDigest[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2026, 5, 30 - index)).toISOString().slice(0, 10);
    return publishedDigest(`${day}-report`, day, {
      title: `Report of ${day}`,
      conclusion: `What ${day} showed.`,
    });
  });
}

async function feedOf(digests: PublishedDigest[], mentioning: PublishedDigest[]) {
  const graph = {
    entities: {
      [entity.id]: { claimsBy: [], claimsAbout: [], digests: mentioning.map(({ id }) => id) },
    },
  };
  const content: FeedContent = {
    entityById: new Map([[entity.id, entity]]),
    digestFeedHtml: () => '',
  };
  const xml = await digestFeedXml(entityFeed(entity, { digests, graph }, site), content, site);
  return parseFeed(xml);
}

const linkOf = (digest: PublishedDigest): string => `${site.href}digests/${digest.id}/`;

describe('an entity feed', () => {
  it(`carries the ${entityFeedLength} newest of the digests that mention the entity`, async () => {
    const digests = digestsNewestFirst(3 * entityFeedLength);
    // Every other digest mentions the entity, listed in the graph oldest first.
    const mentioning = digests.filter((_, index) => index % 2 === 1);
    const feed = await feedOf(digests, [...mentioning].reverse());
    expect(mentioning.length).toBeGreaterThan(entityFeedLength);
    expect(feed.items.map((item) => item.url)).toEqual(
      mentioning.slice(0, entityFeedLength).map(linkOf),
    );
  });

  it("links to the entity's page, which lists them all, and says so", async () => {
    const digests = digestsNewestFirst(entityFeedLength + 10);
    const feed = await feedOf(digests, digests);
    const page = `${site.href}entities/${entity.id}/`;
    expect(feed.url).toBe(page);
    expect(feed.description).toContain(`${entityFeedLength} most recent digests`);
    expect(feed.description).toContain(page);
    expect(feed.self).toBe(`${site.href}entities/${entity.id}/rss.xml`);
  });

  it('carries every mentioning digest when there are fewer', async () => {
    const digests = digestsNewestFirst(20);
    const mentioning = [digests[2], digests[7], digests[19]].filter(
      (digest) => digest !== undefined,
    );
    const feed = await feedOf(digests, mentioning);
    expect(feed.items.map((item) => item.url)).toEqual(mentioning.map(linkOf));
  });
});
