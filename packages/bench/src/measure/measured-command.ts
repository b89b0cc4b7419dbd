/**
 * Runs a command to completion while sampling the memory of its whole process tree, and times
 * it by the wall clock: what a person waiting for `pnpm build` experiences.
 */
import { spawn } from 'node:child_process';
import { treeResidentBytes } from './process-tree-memory.ts';

export interface Options {
  cwd: string;
  /** Added to this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** How often the tree's memory is read; spikes shorter than this can be missed. */
  sampleIntervalMs?: number;
}

export const defaultOptions = { sampleIntervalMs: 50 } as const;

export interface CommandMeasurement {
  wallMs: number;
  /** Highest sampled sum of VmRSS over the process and all descendants. */
  peakTreeRssBytes: number;
  samples: number;
  /** Everything the command printed, stdout and stderr interleaved. */
  output: string;
}

export class CommandFailedError extends Error {
  readonly output: string;
  constructor(command: string, exitCode: number | null, output: string) {
    super(`${command} exited with ${exitCode ?? 'a signal'}:\n${output.slice(-4000)}`);
    this.output = output;
  }
}

export async function measureCommand(
  command: string,
  args: readonly string[],
  options: Options,
): Promise<CommandMeasurement> {
  const { cwd, env, sampleIntervalMs } = { ...defaultOptions, ...options };
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));

  let peak = 0;
  let samples = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, treeResidentBytes(child.pid));
    samples++;
  };
  const timer = setInterval(sample, sampleIntervalMs);
  sample();

  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const output = chunks.join('');
  if (exitCode !== 0) throw new CommandFailedError([command, ...args].join(' '), exitCode, output);
  return { wallMs, peakTreeRssBytes: peak, samples, output };
}
