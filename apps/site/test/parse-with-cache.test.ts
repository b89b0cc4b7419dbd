/**
 * Phase 1 through the parse cache reuses a file's result only while nothing its parse depends on
 * has changed. For a digest that includes the site URL: its feed HTML's links are resolved
 * against it. (Astro also clears its content store when its `site` setting changes, which starts
 * a new cache generation; the fingerprint does not depend on that.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MetaStore } from 'astro/loaders';
import {
  linkContent,
  readContentFiles,
  type ContentFileBytes,
  type ParsedContentFile,
} from '@fact-digest/parser';
import { openParseCache } from '../src/loaders/parse-cache.ts';
import { createParsePool } from '../src/loaders/parse-pool.ts';
import { parseWithCache } from '../src/loaders/parse-with-cache.ts';
import { metaStore } from './support/meta-store.ts';
import { fixtureContentDir } from './support/site-build.ts';

let files: ContentFileBytes[];
let dir: string;
beforeAll(async () => {
  files = await readContentFiles(fixtureContentDir);
});
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'parse-with-cache-')), 'cache');
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

/** One content sync's phase 1, as the loader runs it, with the cache in `dir`. */
async function parseAt(
  meta: MetaStore,
  siteUrl: string,
): Promise<{ parsed: ParsedContentFile[]; reused: number }> {
  const cache = openParseCache(dir, meta);
  const pool = createParsePool({ siteUrl });
  try {
    return await parseWithCache(files, cache, pool);
  } finally {
    await pool.close();
    await cache.flush();
  }
}

const isDigestFile = (file: { path: string }) => file.path.startsWith('digests/');

describe('phase 1 through the parse cache', () => {
  it('reuses every file when nothing changed', async () => {
    const meta = metaStore();
    expect((await parseAt(meta, 'https://first.example/')).reused).toBe(0);
    const again = await parseAt(meta, 'https://first.example/');
    expect(again.reused).toBe(files.length);
  });

  it('parses the digests again when the site URL changes, and their feed HTML follows it', async () => {
    const meta = metaStore();
    await parseAt(meta, 'https://first.example/');
    const moved = await parseAt(meta, 'https://second.example/');
    const digestCount = files.filter(isDigestFile).length;
    expect(digestCount).toBeGreaterThan(0);
    expect(moved.reused).toBe(files.length - digestCount);

    const digests = linkContent(moved.parsed).digests;
    expect(digests).toHaveLength(digestCount);
    for (const digest of digests) {
      expect(digest.absoluteHtml).not.toContain('first.example');
    }
    // The fixtures' cross-references, resolved against the new address.
    const linking = digests.find((digest) => digest.id === '2025-06-14-fourth-exchange');
    expect(linking?.absoluteHtml).toContain(
      'href="https://second.example/digests/2025-06-12-prisoner-exchange/#claim-release-count"',
    );
  });
});
