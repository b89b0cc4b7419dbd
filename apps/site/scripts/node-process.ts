/**
 * Runs a Node script in a child process with the output passed through, as the build's steps
 * (Astro, each Pagefind run, the site feed) are run. `exited` resolves when it exits and says how,
 * so each caller can name the failed step in its own words.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface NodeScript {
  child: ChildProcess;
  /** `undefined` for exit code 0, otherwise `exit code N` or the signal that ended the process. */
  exited: Promise<string | undefined>;
}

/**
 * Starts `script`. With `messages`, the child also gets an IPC channel, for messages the parent
 * sends it while it runs (`child.send`).
 */
export function startNodeScript(
  script: string,
  args: readonly string[],
  options: Pick<SpawnOptions, 'cwd' | 'env'> & { messages?: boolean },
): NodeScript {
  const { messages = false, ...spawnOptions } = options;
  const child = spawn(process.execPath, [script, ...args], {
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

/** Runs `script` to the end; see `NodeScript.exited` for what it resolves to. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: Pick<SpawnOptions, 'cwd' | 'env'>,
): Promise<string | undefined> {
  return startNodeScript(script, args, options).exited;
}
