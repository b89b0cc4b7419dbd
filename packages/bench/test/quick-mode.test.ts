// The whole harness on a tiny corpus, as `pnpm bench --quick` runs it, so it cannot rot. It checks
// that every scenario produces results of the right shape, never how fast anything was.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickOptions, runBenchmarks, type BenchResults } from '../src/run-benchmarks.ts';
import { siteDir } from '../src/site/workspace-paths.ts';

/** Every file under apps/site/dist with its size and modification time, or `null` without one. */
async function siteDistSnapshot(): Promise<string[] | null> {
  const dist = path.join(siteDir, 'dist');
  const entries = await readdir(dist, { recursive: true, withFileTypes: true }).catch(() => null);
  if (entries === null) return null;
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const { size, mtimeMs } = await stat(file);
      return `${path.relative(dist, file)} ${size} ${mtimeMs}`;
    }),
  ).then((lines) => lines.sort());
}

const summaryShape = {
  median: expect.any(Number),
  min: expect.any(Number),
  max: expect.any(Number),
  values: expect.any(Array),
};

describe('pnpm bench --quick', () => {
  it('runs every scenario end to end and reports every target', { timeout: 300_000 }, async () => {
    const distBefore = await siteDistSnapshot();
    const results: BenchResults = await runBenchmarks({ ...quickOptions, log: () => {} });
    // The Turbo runs build a corpus into apps/site/dist; the developer's site must come back.
    expect(await siteDistSnapshot()).toEqual(distBefore);
    const [size] = quickOptions.sizes;
    const corpus = results.corpora[String(size)];
    expect(corpus?.digests).toBe(size);

    expect(results.parser).toEqual([
      expect.objectContaining({
        digests: size,
        errors: 0,
        ratio: summaryShape,
        bytes: corpus?.bytes,
      }),
    ]);
    expect(results.parser?.[0]?.ours.ms.values).toHaveLength(quickOptions.runs);

    const build = results.build?.[0];
    expect(build?.digests).toBe(size);
    // The plain site makes one page per Markdown file; ours adds index, tag and verdict pages.
    expect(build?.plain.pages).toBe(
      (corpus?.digests ?? 0) + (corpus?.entities ?? 0) + (corpus?.sources ?? 0),
    );
    expect(build?.ours.pages).toBeGreaterThan(corpus?.digests ?? 0);
    expect(build?.ours.peakTreeRssBytes.min).toBeGreaterThan(0);
    expect(build?.wallRatio.values).toHaveLength(quickOptions.runs);

    expect(results.scaling?.points.map((point) => point.digests)).toEqual(
      quickOptions.scalingSizes,
    );
    expect(results.scaling?.points[0]?.reused).toBe(true);

    expect(results.incremental).toMatchObject({
      digests: size,
      fullMs: summaryShape,
      oneEditedMs: summaryShape,
      turboUnchangedMs: summaryShape,
      turboUnchangedCacheHits: quickOptions.runs,
      // Turbo hashes the content directory's fingerprint: the edit must not replay a stale site.
      turboRebuiltAfterEdit: true,
    });

    expect(results.targets.map((target) => target.id)).toEqual([
      'build-time',
      'build-memory',
      'parser',
      'scaling',
      'one-edited',
      'nothing-changed',
    ]);
    expect(results.targets.every((target) => target.met !== null && target.measured !== '')).toBe(
      true,
    );
  });
});
