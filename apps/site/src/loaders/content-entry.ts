/**
 * What the fact-digest loader stores: one collection entry per published digest, entity and
 * archived source, plus one naming where the digests' rendered HTML is kept. The cross-reference
 * graph is not stored: it is derived from the digests, and the site derives it again
 * (`publishedGraph`) for less than storing it costs (see published-content.ts). The parser has
 * validated everything already, so the schema only carries the types (validate at the boundary,
 * once).
 */
import { z } from 'astro/zod';
import type { Entity } from '@fact-digest/parser';
import type { PublishedDigest, PublishedSource } from './published-content.ts';

export type ContentEntry =
  | { kind: 'digest'; digest: PublishedDigest }
  | { kind: 'entity'; entity: Entity }
  | { kind: 'source'; source: PublishedSource }
  /**
   * Where the digests' rendered HTML is stored (see html-store.ts), as an absolute path, and
   * the site URL their feed HTML was made absolute against.
   */
  | { kind: 'htmlStore'; dir: string; siteUrl: string };

export const contentEntrySchema = z.custom<ContentEntry>();

/** Store ids: kinds have separate id spaces, so the kind is part of the key. */
export function contentEntryId(entry: ContentEntry): string {
  switch (entry.kind) {
    case 'digest':
      return `digests/${entry.digest.id}`;
    case 'entity':
      return `entities/${entry.entity.id}`;
    case 'source':
      return `sources/${entry.source.id}`;
    case 'htmlStore':
      return 'html-store';
  }
}
