/**
 * What the fact-digest loader stores in the data store: one entry, naming where the published
 * content set is kept. The content set itself (every published digest, entity and archived
 * source) and the digests' rendered HTML are in the content store under their hash (see
 * content-store.ts), not in the data store, which Astro bundles into the build as one module.
 * The cross-reference graph is not stored at all: it is derived from the digests, and the site
 * derives it again (`publishedGraph`) for less than storing it costs (see published-content.ts).
 * The parser has validated everything already, so the schema only carries the types (validate at
 * the boundary, once).
 */
import path from 'node:path';
import { z } from 'astro/zod';
import type { Entity } from '@fact-digest/parser';
import { readTextIfPresent, writeWholeFile } from '../whole-files.ts';
import { contentSha256, storedFileName, syncContentStore } from './content-store.ts';
import type { PublishedContent, PublishedDigest, PublishedSource } from './published-content.ts';

/** The published content set as the loader writes it to the content store, as JSON. */
export interface StoredContentSet {
  digests: PublishedDigest[];
  entities: Entity[];
  sources: PublishedSource[];
}

export interface ContentSetEntry {
  /** The content store's folder (see content-store.ts), an absolute path. */
  storeDir: string;
  /** SHA-256 of the stored content set's JSON, the name it is stored under. */
  contentSetSha256: string;
  /** The site URL the digests' feed HTML was made absolute against. */
  siteUrl: string;
}

export const contentSetEntryId = 'content-set';

export const contentSetEntrySchema = z.custom<ContentSetEntry>();

/**
 * Makes the content store in `storeDir` hold the published content set (as JSON) and its
 * digests' HTML, page and feed, and nothing else; returns the entry naming it.
 */
export async function storeContentSet(
  storeDir: string,
  published: PublishedContent,
  siteUrl: string,
): Promise<ContentSetEntry> {
  const contentSet: StoredContentSet = {
    digests: published.digests,
    entities: published.entities,
    sources: published.sources,
  };
  const contentSetJson = JSON.stringify(contentSet);
  const contentSetSha256 = contentSha256(contentSetJson);
  const files = new Map<string, string>();
  for (const [sha256, html] of published.renderedHtml) {
    files.set(storedFileName(sha256, 'html'), html);
  }
  files.set(storedFileName(contentSetSha256, 'json'), contentSetJson);
  await syncContentStore(storeDir, files);
  return { storeDir, contentSetSha256, siteUrl };
}

/**
 * The entry is also written to this file in Astro's cache directory, for the site feed, which is
 * written after `astro build` (scripts/write-site-feed.ts), where there is no `astro:content`.
 */
const entryFile = (cacheDir: string): string => path.join(cacheDir, 'fact-digest-content-set.json');

export async function writeContentSetEntryFile(
  cacheDir: string,
  entry: ContentSetEntry,
): Promise<void> {
  await writeWholeFile(entryFile(cacheDir), JSON.stringify(entry));
}

export function readContentSetEntryFile(cacheDir: string): ContentSetEntry {
  const file = entryFile(cacheDir);
  const text = readTextIfPresent(file);
  if (text === undefined) {
    throw new Error(
      `${file} is missing: the fact-digest loader has not loaded the content in this cache directory. Build again.`,
    );
  }
  return JSON.parse(text) as ContentSetEntry;
}
