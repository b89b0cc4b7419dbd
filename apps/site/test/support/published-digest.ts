/**
 * A published digest as the site stores it (see src/loaders/published-content.ts), for tests
 * that make feeds without building a site: no claims, sources, links or mentions unless given.
 */
import { contentSha256 } from '../../src/loaders/content-store.ts';
import type { PublishedDigest } from '../../src/loaders/published-content.ts';

export function publishedDigest(
  id: string,
  published: string,
  fields: Partial<Omit<PublishedDigest, 'id' | 'published'>> = {},
): PublishedDigest {
  return {
    id,
    file: `digests/${id}.md`,
    title: `Digest ${id}`,
    eventDate: published,
    published,
    conclusion: `What ${id} found.`,
    status: 'published',
    sources: [],
    tags: [],
    corrections: [],
    notes: [],
    claims: [],
    htmlSha256: contentSha256(id),
    links: [],
    mentions: [],
    ...fields,
  };
}
