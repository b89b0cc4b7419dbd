/**
 * `pnpm bench [--quick] [--runs N] [--sizes 1000,10000] [--scaling-sizes 1000,2000]
 * [--scenario parser|build|scaling|incremental] [--out FILE] [--markdown FILE]`
 *
 * Writes the results as JSON (default packages/bench/results/<date>.json, or
 * results/quick-<date>.json for --quick) and, for full runs, refreshes the results block of
 * BENCHMARKS.md. Progress goes to stderr.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { updateBenchmarksDocument } from './report/benchmarks-markdown.ts';
import {
  defaultOptions,
  quickOptions,
  runBenchmarks,
  scenarioNames,
  type Options,
  type ScenarioName,
} from './run-benchmarks.ts';
import { benchPackageDir } from './site/workspace-paths.ts';

const usage =
  'Usage: pnpm bench [--quick] [--runs N] [--sizes 1000,10000] [--scaling-sizes 1000,2000,5000,10000] [--scenario parser|build|scaling|incremental] [--out FILE] [--markdown FILE]';

function positiveIntegers(flag: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  const bad = values.find((value) => !Number.isInteger(value) || value < 1);
  if (bad !== undefined)
    throw new Error(
      `--${flag} takes positive whole numbers separated by commas, not ${JSON.stringify(text)}`,
    );
  return values;
}

function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        sizes: { type: 'string' },
        'scaling-sizes': { type: 'string' },
        scenario: { type: 'string', multiple: true },
        out: { type: 'string' },
        markdown: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const options: Options = values.quick ? { ...quickOptions } : {};
  try {
    if (values.runs !== undefined)
      options.runs = positiveIntegers('runs', values.runs)[0] as number;
    if (values.sizes !== undefined) {
      options.sizes = positiveIntegers('sizes', values.sizes);
      // Scaling stays within the sizes asked for, so `--sizes 1000` never starts a 10k build.
      const largest = Math.max(...options.sizes);
      options.scalingSizes = [
        ...new Set([
          ...defaultOptions.scalingSizes.filter((size) => size <= largest),
          ...options.sizes,
        ]),
      ];
    }
    if (values['scaling-sizes'] !== undefined)
      options.scalingSizes = positiveIntegers('scaling-sizes', values['scaling-sizes']);
    if (values.scenario !== undefined) {
      const unknown = values.scenario.find((name) => !isScenarioName(name));
      if (unknown !== undefined)
        throw new Error(`Unknown --scenario ${unknown}: use ${scenarioNames.join(', ')}`);
      options.scenarios = values.scenario.filter(isScenarioName);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }

  const results = await runBenchmarks(options);

  const stamp = results.date.replace(/:/g, '-').replace(/\..*$/, '');
  const outFile = path.resolve(
    values.out ??
      path.join(benchPackageDir, 'results', `${values.quick ? 'quick-' : ''}${stamp}.json`),
  );
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`Results written to ${outFile}\n`);

  // Quick runs measure toy corpora: they never overwrite the published table unless asked to.
  const markdownFile =
    values.markdown ?? (values.quick ? undefined : path.join(benchPackageDir, 'BENCHMARKS.md'));
  if (markdownFile !== undefined) {
    const existing = await readFile(markdownFile, 'utf8').catch(() => '# Benchmarks\n');
    await writeFile(markdownFile, updateBenchmarksDocument(existing, results));
    process.stderr.write(`Table written to ${markdownFile}\n`);
  }
  for (const target of results.targets) {
    process.stdout.write(
      `${target.met === null ? 'not measured' : target.met ? 'met   ' : 'MISSED'}  ${target.target}: ${target.measured}${target.digests === null ? '' : ` at ${target.digests} digests`}\n`,
    );
  }
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
