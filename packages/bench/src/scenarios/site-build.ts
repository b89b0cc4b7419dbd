/**
 * Scenario 2: a full build of our site against a plain Astro site over the same Markdown, run
 * alternately so both see the same machine.
 */
import path from 'node:path';
import { prepareCorpus, fullSiteBuild, type BenchContext } from '../bench-context.ts';
import { summarise, type Summary } from '../measure/summary.ts';
import type { SiteBuildMeasurement } from '../site/fact-digest-site.ts';
import { buildPlainAstroSite, writePlainAstroSite } from '../site/plain-astro-site.ts';

export interface BuildSummary {
  wallMs: Summary;
  peakTreeRssBytes: Summary;
  /** Pages written by the last run. */
  pages: number;
  pagesPerSecond: Summary;
  astroMs: Summary;
  /** Zero for the plain site, which has no search index. */
  pagefindMs: Summary;
}

export interface SiteBuildComparison {
  digests: number;
  ours: BuildSummary;
  plain: BuildSummary;
  /** Our wall time over the plain site's, per pair of runs. */
  wallRatio: Summary;
  /** As `wallRatio`, but counting only Astro's part of our build (no Pagefind), like for like. */
  astroOnlyRatio: Summary;
  peakMemoryRatio: Summary;
}

export function summariseBuilds(measurements: readonly SiteBuildMeasurement[]): BuildSummary {
  return {
    wallMs: summarise(measurements.map((run) => run.wallMs)),
    peakTreeRssBytes: summarise(measurements.map((run) => run.peakTreeRssBytes)),
    pages: measurements.at(-1)?.pages ?? 0,
    pagesPerSecond: summarise(measurements.map((run) => run.pages / (run.wallMs / 1000))),
    astroMs: summarise(measurements.map((run) => run.astroMs)),
    pagefindMs: summarise(measurements.map((run) => run.pagefindMs)),
  };
}

export async function runSiteBuildComparison(
  context: BenchContext,
  digests: number,
): Promise<SiteBuildComparison> {
  const corpus = await prepareCorpus(context, digests);
  const plainSiteDir = path.join(context.workDir, `plain-astro-${digests}`);
  await writePlainAstroSite(plainSiteDir, corpus.dir);
  const plainOutDir = path.join(context.workDir, `plain-dist-${digests}`);

  const ours: SiteBuildMeasurement[] = [];
  const plain: SiteBuildMeasurement[] = [];
  for (let run = 0; run < context.runs; run++) {
    const order = run % 2 === 0 ? (['plain', 'ours'] as const) : (['ours', 'plain'] as const);
    for (const side of order) {
      if (side === 'plain') {
        plain.push(await buildPlainAstroSite(plainSiteDir, plainOutDir));
      } else {
        ours.push(await fullSiteBuild(context, digests, corpus.dir));
      }
    }
    context.log(
      `build ${digests}: run ${run + 1}/${context.runs} ours ${(ours.at(-1)?.wallMs ?? 0).toFixed(0)} ms, plain ${(plain.at(-1)?.wallMs ?? 0).toFixed(0)} ms`,
    );
  }
  const pair = (value: (run: SiteBuildMeasurement) => number): Summary =>
    summarise(ours.map((run, index) => value(run) / value(plain[index] as SiteBuildMeasurement)));
  return {
    digests,
    ours: summariseBuilds(ours),
    plain: summariseBuilds(plain),
    wallRatio: pair((run) => run.wallMs),
    astroOnlyRatio: pair((run) => run.astroMs),
    peakMemoryRatio: pair((run) => run.peakTreeRssBytes),
  };
}
