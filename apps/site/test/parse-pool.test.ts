// Phase 1 through worker threads gives what it gives on the main thread, in the same order, and a
// file that makes a worker fail or die is named in the error instead of hanging or going missing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  linkContent,
  parseContentFile,
  readContentFiles,
  createEntityRegistry,
  type ContentFileBytes,
  type ParsedContentFile,
} from '@fact-digest/parser';
import { createParsePool, defaultOptions, type ParsePool } from '../src/loaders/parse-pool.ts';
import { siteRoot } from './support/site-build.ts';

const fixtureDirs = ['content', 'content-with-error', 'content-with-errors'].map((name) =>
  path.join(siteRoot, 'test/fixtures', name),
);

/** The fixtures' files, each copied under new names until there are enough for the workers. */
async function largeContent(): Promise<ContentFileBytes[]> {
  const originals = (await Promise.all(fixtureDirs.map(readContentFiles))).flat();
  const files: ContentFileBytes[] = [];
  const isEntity = (file: ContentFileBytes) => file.path.startsWith('entities/');
  for (let copy = 0; files.filter((file) => !isEntity(file)).length < 500; copy += 1) {
    for (const file of originals) {
      files.push({ path: file.path.replace(/\.md$/, `-${copy}.md`), bytes: file.bytes });
    }
  }
  return files;
}

const entitiesOf = (parsed: readonly ParsedContentFile[]) =>
  parsed.flatMap((result) => (result.kind === 'entity' && result.entity ? [result.entity] : []));

const encoded = (text: string) => new TextEncoder().encode(text);

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the phase-1 parse pool', () => {
  it('gives the main thread’s results, in file order, for content large enough for workers', async () => {
    const files = await largeContent();
    const entityFiles = files.filter((file) => file.path.startsWith('entities/'));
    const otherFiles = files.filter((file) => !file.path.startsWith('entities/'));
    const expectedEntities = entityFiles.map((file) => parseContentFile(file));
    const registry = createEntityRegistry(entitiesOf(expectedEntities));
    const expectedOthers = otherFiles.map((file) => parseContentFile(file, { entities: registry }));

    // Small batches and two workers, so threads finish out of order.
    pool = createParsePool({ workers: 2, batchSize: 3 });
    const announced: number[] = [];
    const entities = await pool.parse(entityFiles, []);
    const others = await pool.parse(otherFiles, entitiesOf(entities), (index) =>
      announced.push(index),
    );

    expect(otherFiles.length).toBeGreaterThanOrEqual(defaultOptions.minFilesForWorkers);
    expect(entities).toStrictEqual(expectedEntities);
    expect(others).toStrictEqual(expectedOthers);
    expect(announced.sort((a, b) => a - b)).toEqual(otherFiles.map((_, index) => index));
    // Phase 2 reports the same diagnostics in the same order (the copies clash on ids).
    const diagnostics = linkContent([...entities, ...others]).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics).toStrictEqual(
      linkContent([...expectedEntities, ...expectedOthers]).diagnostics,
    );
  });

  it('names the file a worker thread died parsing, and starts a new worker next time', async () => {
    // With this little heap a worker loads the parser and parses a small file, but dies on one
    // of 200,000 paragraphs (a tree node and its HTML each). The first two batches go to the
    // worker before the main thread takes any. The young generation is kept small too: when a
    // worker nears its limit, Node ends it and lets the heap grow 16 MB more meanwhile, and a
    // collection that promoted a default-sized young generation (16 MB) at once could pass that
    // first, which aborts the whole process (V8's "Reached heap limit"; it did, once in a full
    // test run under load).
    pool = createParsePool({
      workers: 1,
      minFilesForWorkers: 0,
      batchSize: 1,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
    });
    const small = (name: string) => ({ path: `digests/${name}.md`, bytes: encoded(`# ${name}\n`) });
    const files = [
      small('first'),
      { path: 'digests/huge.md', bytes: encoded(`# Huge\n\n${'word\n\n'.repeat(200_000)}`) },
      small('third'),
      small('fourth'),
    ];
    await expect(pool.parse(files, [])).rejects.toThrow(
      'A parse worker thread stopped (Worker terminated due to reaching memory limit: JS heap out of memory) while parsing digests/huge.md.',
    );
    const again = [small('a'), small('b'), small('c')];
    expect(await pool.parse(again, [])).toStrictEqual(again.map((file) => parseContentFile(file)));
  });

  it('names the file whose parse threw, the same way in a worker and on the main thread', async () => {
    // Not bytes: the parser's decoder throws. The first batch always goes to the worker.
    const broken = { path: 'digests/broken.md', bytes: 42 as unknown as Uint8Array };
    const files = [broken, { path: 'digests/fine.md', bytes: encoded('# Fine\n') }];
    const failure = (parsing: Promise<unknown>) =>
      parsing.then(
        () => 'no error',
        (error: unknown) => (error as Error).message,
      );

    pool = createParsePool({ workers: 1, minFilesForWorkers: 0, batchSize: 1 });
    const inWorker = await failure(pool.parse(files, []));
    const onMainThread = await failure(createParsePool({ workers: 0 }).parse(files, []));
    expect(inWorker).toMatch(/^Could not parse digests\/broken\.md: The "\w+" argument must be/);
    expect(inWorker).toBe(onMainThread);
  });
});
