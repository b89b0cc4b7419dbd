/**
 * The harness's library entry: runs the chosen scenarios in one session and returns the results
 * as plain data (what the CLI writes as JSON and as the table in BENCHMARKS.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './bench-context.ts';
import type { CorpusStats } from './corpus/generate-corpus.ts';
import { defaultOptions as corpusDefaults } from './corpus/generate-corpus.ts';
import { createSiteMirror } from './site/site-mirror.ts';
import { describeMachine, type MachineDescription } from './machine.ts';
import { runIncremental, type IncrementalResult } from './scenarios/incremental.ts';
import { runParserThroughput, type ParserThroughputResult } from './scenarios/parser-throughput.ts';
import { runScaling, type ScalingResult } from './scenarios/scaling.ts';
import { runSiteBuildComparison, type SiteBuildComparison } from './scenarios/site-build.ts';
import { checkTargets, type TargetCheck } from './targets.ts';

export const scenarioNames = ['parser', 'build', 'scaling', 'incremental'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface Options {
  /** Runs per measurement; the median and range are reported. */
  runs?: number;
  /** Corpus sizes for the parser and build comparisons; incremental uses the largest. */
  sizes?: number[];
  /** Corpus sizes for the scaling scenario. */
  scalingSizes?: number[];
  scenarios?: ScenarioName[];
  seed?: number;
  /** Scratch folder; a new temporary one (removed afterwards) by default. */
  workDir?: string;
  log?: (message: string) => void;
}

export const defaultOptions = {
  runs: 5,
  sizes: [1000, 10000],
  scalingSizes: [1000, 2000, 5000, 10000],
  scenarios: [...scenarioNames],
  seed: corpusDefaults.seed,
  log: (message: string) => process.stderr.write(`${message}\n`),
} satisfies Options;

/** `pnpm bench --quick`: every scenario end to end on tiny corpora, for a smoke test. */
export const quickOptions = {
  runs: 2,
  sizes: [12],
  scalingSizes: [12, 24],
} satisfies Options;

export interface BenchResults {
  /** When the session started, ISO 8601. */
  date: string;
  machine: MachineDescription;
  settings: {
    runs: number;
    sizes: number[];
    scalingSizes: number[];
    scenarios: ScenarioName[];
    seed: number;
  };
  /** What each generated corpus held, by number of digests. */
  corpora: Record<string, CorpusStats>;
  parser?: ParserThroughputResult[];
  build?: SiteBuildComparison[];
  scaling?: ScalingResult;
  incremental?: IncrementalResult;
  targets: TargetCheck[];
  /** How long the whole session took. */
  durationMs: number;
}

export async function runBenchmarks(options: Options = {}): Promise<BenchResults> {
  const settings = { ...defaultOptions, ...options };
  const started = performance.now();
  const date = new Date().toISOString();
  const machine = describeMachine();
  const ownWorkDir = options.workDir === undefined;
  const workDir = options.workDir ?? (await mkdtemp(path.join(os.tmpdir(), 'fact-digest-bench-')));
  const context: BenchContext = {
    workDir,
    siteDir: await createSiteMirror(path.join(workDir, 'site-mirror')),
    runs: settings.runs,
    seed: settings.seed,
    log: settings.log,
    corpora: new Map(),
    fullBuilds: new Map(),
  };
  const wanted = new Set(settings.scenarios);
  const sizes = [...settings.sizes].sort((left, right) => left - right);
  const results: Omit<BenchResults, 'targets' | 'durationMs' | 'corpora'> = {
    date,
    machine,
    settings: {
      runs: settings.runs,
      sizes,
      scalingSizes: settings.scalingSizes,
      scenarios: settings.scenarios,
      seed: settings.seed,
    },
  };
  try {
    if (wanted.has('parser')) {
      results.parser = [];
      for (const digests of sizes) results.parser.push(await runParserThroughput(context, digests));
    }
    if (wanted.has('build')) {
      results.build = [];
      for (const digests of sizes)
        results.build.push(await runSiteBuildComparison(context, digests));
    }
    if (wanted.has('scaling')) results.scaling = await runScaling(context, settings.scalingSizes);
    if (wanted.has('incremental'))
      results.incremental = await runIncremental(context, sizes.at(-1) as number);
  } finally {
    if (ownWorkDir) await rm(workDir, { recursive: true, force: true });
  }
  const corpora = Object.fromEntries(
    [...context.corpora].map(([digests, corpus]) => [String(digests), corpus.stats]),
  );
  return {
    ...results,
    corpora,
    targets: checkTargets(results),
    durationMs: performance.now() - started,
  };
}
