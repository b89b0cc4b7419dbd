/**
 * The performance targets the project set, checked against a session's results. A target the
 * session did not measure is reported as such, never as met.
 */
import type { ParserThroughputResult } from './scenarios/parser-throughput.ts';
import type { IncrementalResult } from './scenarios/incremental.ts';
import type { ScalingResult } from './scenarios/scaling.ts';
import type { SiteBuildComparison } from './scenarios/site-build.ts';

export interface TargetCheck {
  id: string;
  target: string;
  /** The measured median, in words ("1.18× plain Astro"); empty when not measured. */
  measured: string;
  /** Null when the session did not measure it. */
  met: boolean | null;
  /** Corpus size the check used; targets are set for 10,000 digests. */
  digests: number | null;
}

const gibibyte = 1024 ** 3;

export interface MeasuredScenarios {
  parser?: ParserThroughputResult[];
  build?: SiteBuildComparison[];
  scaling?: ScalingResult;
  incremental?: IncrementalResult;
}

function largest<T extends { digests: number }>(results: readonly T[] | undefined): T | undefined {
  return results?.reduce<T | undefined>(
    (best, result) => (best === undefined || result.digests > best.digests ? result : best),
    undefined,
  );
}

function check(
  id: string,
  target: string,
  measurement: { value: string; met: boolean; digests: number } | undefined,
): TargetCheck {
  return measurement === undefined
    ? { id, target, measured: '', met: null, digests: null }
    : {
        id,
        target,
        measured: measurement.value,
        met: measurement.met,
        digests: measurement.digests,
      };
}

export function checkTargets(results: MeasuredScenarios): TargetCheck[] {
  const build = largest(results.build);
  const parser = largest(results.parser);
  const { scaling, incremental } = results;
  const firstPoint = scaling?.points[0];
  const lastPoint = scaling?.points.at(-1);
  return [
    check(
      'build-time',
      'Full build at 10k digests ≤ 1.3× plain Astro',
      build && {
        value: `${build.wallRatio.median.toFixed(2)}×`,
        met: build.wallRatio.median <= 1.3,
        digests: build.digests,
      },
    ),
    check(
      'build-memory',
      'Full build peak memory at 10k digests ≤ 2 GiB',
      build && {
        value: `${(build.ours.peakTreeRssBytes.median / gibibyte).toFixed(2)} GiB (max ${(build.ours.peakTreeRssBytes.max / gibibyte).toFixed(2)})`,
        met: build.ours.peakTreeRssBytes.max <= 2 * gibibyte,
        digests: build.digests,
      },
    ),
    check(
      'parser',
      'Parser ≤ 1.25× bare unified',
      parser && {
        value: `${parser.ratio.median.toFixed(2)}×`,
        met: parser.ratio.median <= 1.25,
        digests: parser.digests,
      },
    ),
    check(
      'scaling',
      'Time per digest at 10k within 1.2× of 1k',
      // One size alone says nothing about scaling: it takes two.
      scaling && firstPoint && lastPoint && firstPoint !== lastPoint
        ? {
            value: `${scaling.perDigestTimeRatio.toFixed(2)}× (${firstPoint.digests} → ${lastPoint.digests})`,
            met: scaling.perDigestTimeRatio <= 1.2,
            digests: lastPoint.digests,
          }
        : undefined,
    ),
    check(
      'one-edited',
      'One edited digest rebuild ≤ 25% of full',
      incremental && {
        value: `${(incremental.oneEditedRatio.median * 100).toFixed(0)}%`,
        met: incremental.oneEditedRatio.median <= 0.25,
        digests: incremental.digests,
      },
    ),
    check(
      'nothing-changed',
      'Nothing changed (Turbo) < 2 s',
      incremental && {
        value: `${(incremental.turboUnchangedMs.median / 1000).toFixed(2)} s`,
        met: incremental.turboUnchangedMs.median < 2000,
        digests: incremental.digests,
      },
    ),
  ];
}
