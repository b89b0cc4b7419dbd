import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedContentFile } from '@fact-digest/parser';
import { openParseCache } from '../src/loaders/parse-cache.ts';
import { metaStore } from './support/meta-store.ts';

const parsedEntity = (id: string): ParsedContentFile => ({
  kind: 'entity',
  path: `entities/${id}.md`,
  id,
  idPosition: { line: 1, column: 1 },
  crossReferences: [],
  diagnostics: [],
  namePositions: [],
});

describe('the phase-1 parse cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'parse-cache-')), 'cache');
  });
  afterEach(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('returns a result only for the fingerprint it was stored with, across openings', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    const reopened = openParseCache(dir, meta);
    expect(reopened.get('entities/a.md', 'f1')).toEqual(parsedEntity('a'));
    expect(reopened.get('entities/a.md', 'f2')).toBeUndefined();
    expect(reopened.get('entities/b.md', 'f1')).toBeUndefined();
  });

  it('keeps only a generation id in the meta store', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    expect(meta.keys()).toEqual(['phase1:database-generation']);
  });

  it('starts empty when the meta store was cleared (astro build --force)', async () => {
    const cache = openParseCache(dir, metaStore());
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    expect(openParseCache(dir, metaStore()).get('entities/a.md', 'f1')).toBeUndefined();
  });

  it('deletes the results of an earlier generation once a new one starts', async () => {
    const first = metaStore();
    const cache = openParseCache(dir, first);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    const meta = metaStore();
    const forced = openParseCache(dir, meta);
    await forced.flush();
    expect(await readdir(dir)).toEqual([meta.get('phase1:database-generation')]);
    expect(openParseCache(dir, first).get('entities/a.md', 'f1')).toBeUndefined();
  });

  it('sees a result before it is committed', () => {
    const cache = openParseCache(dir, metaStore());
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    expect(cache.get('entities/a.md', 'f1')).toEqual(parsedEntity('a'));
    return cache.flush();
  });

  it('keeps the last commit when a build stops before the next', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    cache.set('entities/b.md', 'f1', parsedEntity('b'));
    // Another opening reads what is committed, as the next build after a killed one would.
    const next = openParseCache(dir, meta);
    expect(next.get('entities/a.md', 'f1')).toEqual(parsedEntity('a'));
    expect(next.get('entities/b.md', 'f1')).toBeUndefined();
    await Promise.all([cache.flush(), next.flush()]);
  });

  it('reports a database it could not open when flushed, and reads nothing from it', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    await rm(dir, { recursive: true });
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    expect(cache.get('entities/a.md', 'f1')).toBeUndefined();
    await expect(cache.flush()).rejects.toThrow(
      /^The parse cache .*parse-results\.sqlite failed: .*\. Building with --force starts it afresh\.$/,
    );
  });

  it('forgets files that are no longer in the content', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    cache.set('entities/b.md', 'f1', parsedEntity('b'));
    await cache.flush();
    cache.retainOnly(['entities/b.md']);
    await cache.flush();
    expect(cache.get('entities/a.md', 'f1')).toBeUndefined();
    expect(cache.get('entities/b.md', 'f1')).toEqual(parsedEntity('b'));
    await cache.flush();
    const reopened = openParseCache(dir, meta);
    expect(reopened.get('entities/a.md', 'f1')).toBeUndefined();
    expect(reopened.get('entities/b.md', 'f1')).toEqual(parsedEntity('b'));
  });

  it('removes parse results the meta store held in the former format', () => {
    const meta = metaStore();
    meta.set('phase1:paths', JSON.stringify(['entities/a.md']));
    meta.set('phase1:entities/a.md', '{}');
    openParseCache(dir, meta);
    expect(meta.keys()).toEqual(['phase1:database-generation']);
  });

  it('deletes the folder of the file-per-result format and its meta key', async () => {
    const meta = metaStore();
    meta.set('phase1:generation', 'files');
    await mkdir(path.join(dir, 'files'), { recursive: true });
    await writeFile(path.join(dir, 'files', '0123.json'), '{}');
    const cache = openParseCache(dir, meta);
    await cache.flush();
    expect(meta.keys()).toEqual(['phase1:database-generation']);
    expect(await readdir(dir)).toEqual([meta.get('phase1:database-generation')]);
  });
});
