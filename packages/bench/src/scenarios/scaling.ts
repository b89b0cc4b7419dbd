/**
 * Scenario 3: how our full build's time and memory grow with the corpus. A build that is linear
 * in the number of digests has the same time per digest at every size.
 */
import { prepareCorpus, fullSiteBuild, type BenchContext } from '../bench-context.ts';
import { summarise, type Summary } from '../measure/summary.ts';

export interface ScalingPoint {
  digests: number;
  wallMs: Summary;
  peakTreeRssBytes: Summary;
  /** Median wall time divided by the number of digests. */
  msPerDigest: number;
  /** Median peak memory divided by the number of digests. */
  bytesPerDigest: number;
  /** True where the runs were taken from the build scenario of the same session. */
  reused: boolean;
}

export interface ScalingResult {
  points: ScalingPoint[];
  /** Time per digest at the largest size over the smallest. */
  perDigestTimeRatio: number;
}

export async function runScaling(
  context: BenchContext,
  sizes: readonly number[],
): Promise<ScalingResult> {
  const points: ScalingPoint[] = [];
  for (const digests of [...sizes].sort((left, right) => left - right)) {
    const reused = (context.fullBuilds.get(digests)?.length ?? 0) >= context.runs;
    if (!reused) {
      const corpus = await prepareCorpus(context, digests);
      for (let run = 0; run < context.runs; run++) {
        const measurement = await fullSiteBuild(context, digests, corpus.dir);
        context.log(
          `scaling ${digests}: run ${run + 1}/${context.runs} ${measurement.wallMs.toFixed(0)} ms`,
        );
      }
    }
    const runs = (context.fullBuilds.get(digests) ?? []).slice(-context.runs);
    const wallMs = summarise(runs.map((run) => run.wallMs));
    const peakTreeRssBytes = summarise(runs.map((run) => run.peakTreeRssBytes));
    points.push({
      digests,
      wallMs,
      peakTreeRssBytes,
      msPerDigest: wallMs.median / digests,
      bytesPerDigest: peakTreeRssBytes.median / digests,
      reused,
    });
  }
  const first = points[0];
  const last = points.at(-1);
  return {
    points,
    perDigestTimeRatio: first && last ? last.msPerDigest / first.msPerDigest : Number.NaN,
  };
}
