import type { CommandIO } from '../cli/command-io.ts';

/** A CommandIO that records what a command prints, for tests that run commands in-process. */
export interface CapturedIO extends CommandIO {
  out: string[];
  err: string[];
}

export function captureIO(cwd: string): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (line) => out.push(line), stderr: (line) => err.push(line) };
}
