/**
 * Runs a step of the build in a child process with the output passed through: a Node script (the
 * Astro step, the site feed) or a program (Pagefind). `exited` resolves when it exits and says
 * how, so each caller can name the failed step in its own words.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ChildStep {
  child: ChildProcess;
  /** `undefined` for exit code 0, otherwise `exit code N` or the signal that ended the process. */
  exited: Promise<string | undefined>;
}

type StepOptions = Pick<SpawnOptions, 'cwd' | 'env'>;

/**
 * Starts `program`. With `messages`, the child also gets an IPC channel, for messages the parent
 * sends it while it runs (`child.send`).
 */
export function startProgram(
  program: string,
  args: readonly string[],
  options: StepOptions & { messages?: boolean },
): ChildStep {
  const { messages = false, ...spawnOptions } = options;
  const child = spawn(program, args, {
    ...spawnOptions,
    stdio: messages ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
  const exited = new Promise<string | undefined>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve(code === 0 ? undefined : (signal ?? `exit code ${code}`)),
    );
  });
  return { child, exited };
}

/** Starts `script` with the Node that runs this one, given `nodeOptions` (such as `--expose-gc`). */
export function startNodeScript(
  script: string,
  args: readonly string[],
  options: StepOptions & { messages?: boolean; nodeOptions?: readonly string[] },
): ChildStep {
  const { nodeOptions = [], ...rest } = options;
  return startProgram(process.execPath, [...nodeOptions, script, ...args], rest);
}
