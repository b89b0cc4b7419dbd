import { describe, expect, it } from 'vitest';
import {
  endMarker,
  startMarker,
  updateBenchmarksDocument,
} from '../src/report/benchmarks-markdown.ts';
import type { BenchResults } from '../src/run-benchmarks.ts';
import { checkTargets } from '../src/targets.ts';

const summary = (median: number) => ({ median, min: median, max: median, values: [median] });

const results: BenchResults = {
  date: '2025-06-20T10:00:00.000Z',
  machine: {
    cpuModel: 'Test CPU',
    cores: 2,
    memoryBytes: 24 * 1024 ** 3,
    node: 'v24.21.0',
    platform: 'Linux',
    loadAverageAtStart: 0.5,
  },
  settings: { runs: 1, sizes: [100], scalingSizes: [100], scenarios: ['parser'], seed: 1 },
  corpora: {},
  parser: [
    {
      digests: 100,
      files: 250,
      bytes: 1_000_000,
      ours: { ms: summary(500), megabytesPerSecond: summary(2) },
      bare: { ms: summary(400), megabytesPerSecond: summary(2.5) },
      ratio: summary(1.25),
      errors: 0,
    },
  ],
  targets: [],
  durationMs: 60_000,
};
results.targets = checkTargets(results);

describe('updateBenchmarksDocument', () => {
  it('replaces only the generated block, keeping the hand-written text around it', () => {
    const document = `# Benchmarks\n\nHow to run.\n\n${startMarker}\nold table\n${endMarker}\n\n## Analysis\n\nWhy.\n`;
    const updated = updateBenchmarksDocument(document, results);
    expect(updated.startsWith('# Benchmarks\n\nHow to run.\n\n')).toBe(true);
    expect(updated.endsWith(`${endMarker}\n\n## Analysis\n\nWhy.\n`)).toBe(true);
    expect(updated).not.toContain('old table');
    expect(updated).toContain(
      '| 100 | 1.0 | 2.00 (2.00–2.00) | 2.50 (2.50–2.50) | 1.25× (1.25×–1.25×) | 0 |',
    );
  });

  it('appends a block to a document without one', () => {
    expect(updateBenchmarksDocument('# Benchmarks\n', results)).toMatch(
      /^# Benchmarks\n\n<!-- bench:results:start -->\n/,
    );
  });

  it('marks targets the session did not measure as not measured, never as met', () => {
    const updated = updateBenchmarksDocument('', results);
    expect(updated).toContain('| Parser ≤ 1.25× bare unified | 1.25× | 100 | yes |');
    expect(updated).toContain(
      '| Full build at 10k digests ≤ 1.3× plain Astro | not measured |  | — |',
    );
  });
});
