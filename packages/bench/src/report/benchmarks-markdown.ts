/**
 * The results as Markdown tables for BENCHMARKS.md. Only the block between the two markers is
 * generated, so the hand-written method notes and analysis around it survive a new run.
 */
import type { BenchResults } from '../run-benchmarks.ts';
import type { Summary } from '../measure/summary.ts';
import type { BuildSummary } from '../scenarios/site-build.ts';

export const startMarker = '<!-- bench:results:start -->';
export const endMarker = '<!-- bench:results:end -->';

const mebibyte = 1024 ** 2;

function range(summary: Summary, format: (value: number) => string): string {
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const memory = (bytes: number): string => `${(bytes / mebibyte).toFixed(0)} MiB`;
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const fixed =
  (digits: number) =>
  (value: number): string =>
    value.toFixed(digits);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function buildRow(label: string, build: BuildSummary): string[] {
  return [
    label,
    range(build.wallMs, seconds),
    range(build.astroMs, seconds),
    range(build.pagefindMs, seconds),
    range(build.peakTreeRssBytes, memory),
    String(build.pages),
    range(build.pagesPerSecond, fixed(0)),
  ];
}

export function renderResultsMarkdown(results: BenchResults): string {
  const { machine, settings } = results;
  const sections: string[] = [
    `Measured ${results.date.slice(0, 10)} on ${machine.cores} cores (${machine.cpuModel}), ${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GiB memory, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverageAtStart.toFixed(2)} at the start. ${settings.runs} runs per measurement, shown as median (min–max). Session took ${(results.durationMs / 60000).toFixed(1)} minutes.`,
    '### Targets',
    table(
      ['target', 'measured (median)', 'at digests', 'met'],
      results.targets.map((target) => [
        target.target,
        target.measured || 'not measured',
        target.digests === null ? '' : String(target.digests),
        target.met === null ? '—' : target.met ? 'yes' : '**no**',
      ]),
    ),
  ];
  if (results.parser) {
    sections.push(
      '### Parser throughput',
      table(
        ['digests', 'MB parsed', 'ours MB/s', 'bare unified MB/s', 'ours ÷ bare (time)', 'errors'],
        results.parser.map((parser) => [
          String(parser.digests),
          (parser.bytes / 1e6).toFixed(1),
          range(parser.ours.megabytesPerSecond, fixed(2)),
          range(parser.bare.megabytesPerSecond, fixed(2)),
          range(parser.ratio, times),
          String(parser.errors),
        ]),
      ),
    );
  }
  if (results.build) {
    const header = [
      'site',
      'wall',
      'astro build',
      'search index, feed, sitemap',
      'peak memory (tree)',
      'pages',
      'pages/s',
    ];
    for (const build of results.build) {
      sections.push(
        `### Full build, ${build.digests} digests`,
        table(header, [
          buildRow('ours (build-site.ts: Astro, then search index, feed, sitemap)', build.ours),
          buildRow('plain Astro', build.plain),
        ]),
        `Ours ÷ plain: wall ${range(build.wallRatio, times)}, Astro step only ${range(build.astroOnlyRatio, times)}, peak memory ${range(build.peakMemoryRatio, times)}.`,
      );
    }
  }
  if (results.scaling) {
    sections.push(
      '### Scaling (our full build)',
      table(
        ['digests', 'wall', 'ms per digest', 'peak memory', 'KiB per digest'],
        results.scaling.points.map((point) => [
          String(point.digests),
          range(point.wallMs, seconds),
          point.msPerDigest.toFixed(2),
          range(point.peakTreeRssBytes, memory),
          (point.bytesPerDigest / 1024).toFixed(0),
        ]),
      ),
      `Time per digest, largest ÷ smallest: ${times(results.scaling.perDigestTimeRatio)}.`,
    );
  }
  if (results.incremental) {
    const incremental = results.incremental;
    sections.push(
      `### Incremental, ${incremental.digests} digests`,
      table(
        ['build', 'wall', 'of full'],
        [
          ['full (build-site.ts --force)', range(incremental.fullMs, seconds), '100%'],
          [
            'one digest edited (build-site.ts)',
            range(incremental.oneEditedMs, seconds),
            range(incremental.oneEditedRatio, (ratio) => `${(ratio * 100).toFixed(0)}%`),
          ],
          [
            'turbo, nothing changed',
            range(incremental.turboUnchangedMs, seconds),
            `${incremental.turboUnchangedCacheHits}/${incremental.turboUnchangedMs.values.length} cache hits`,
          ],
          ['turbo, first run for this CONTENT_DIR', seconds(incremental.turboFirstRunMs), ''],
        ],
      ),
      incremental.turboRebuiltAfterEdit
        ? 'After a digest in CONTENT_DIR was edited, Turbo rebuilt the site.'
        : '**After a digest in CONTENT_DIR was edited, Turbo replayed its cached build (stale output)**: the content directory’s fingerprint (apps/site/scripts/content-fingerprint.ts) did not change the `build` task’s hash.',
    );
  }
  return `${startMarker}\n${sections.join('\n\n')}\n${endMarker}`;
}

/** Replaces the generated block of an existing BENCHMARKS.md, or appends one if it has none. */
export function updateBenchmarksDocument(document: string, results: BenchResults): string {
  const generated = renderResultsMarkdown(results);
  const start = document.indexOf(startMarker);
  const end = document.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) return `${document.trimEnd()}\n\n${generated}\n`;
  return `${document.slice(0, start)}${generated}${document.slice(end + endMarker.length)}`;
}
