import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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
    expect(meta.keys()).toEqual(['phase1:generation']);
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
    expect(await readdir(dir)).toEqual([meta.get('phase1:generation')]);
    expect(openParseCache(dir, first).get('entities/a.md', 'f1')).toBeUndefined();
  });

  it('sees a result before its write has finished', () => {
    const cache = openParseCache(dir, metaStore());
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    expect(cache.get('entities/a.md', 'f1')).toEqual(parsedEntity('a'));
    return cache.flush();
  });

  it('parses a file again when its cached result was cut short', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await cache.flush();
    const generationDir = path.join(dir, meta.get('phase1:generation') as string);
    const [entry] = await readdir(generationDir);
    await writeFile(path.join(generationDir, entry as string), '{"path":"entities/a.md","fing');
    expect(openParseCache(dir, meta).get('entities/a.md', 'f1')).toBeUndefined();
  });

  it('reports a write that failed when flushed', async () => {
    const meta = metaStore();
    const cache = openParseCache(dir, meta);
    await rm(dir, { recursive: true });
    cache.set('entities/a.md', 'f1', parsedEntity('a'));
    await expect(cache.flush()).rejects.toThrow(
      /ENOENT: no such file or directory, open '.*\.json'/,
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
    expect(await readdir(path.join(dir, meta.get('phase1:generation') as string))).toHaveLength(1);
  });

  it('removes parse results the meta store held in the former format', () => {
    const meta = metaStore();
    meta.set('phase1:paths', JSON.stringify(['entities/a.md']));
    meta.set('phase1:entities/a.md', '{}');
    openParseCache(dir, meta);
    expect(meta.keys()).toEqual(['phase1:generation']);
  });
});
