/**
 * Runs a Node script in a child process with the output passed through, as the build's steps
 * (Astro, each Pagefind run) are run. Resolves when it exits; says how, so each caller can name
 * the failed step in its own words.
 */
import { spawn, type SpawnOptions } from 'node:child_process';

/** `undefined` for exit code 0, otherwise `exit code N` or the signal that ended the process. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: Pick<SpawnOptions, 'cwd' | 'env'>,
): Promise<string | undefined> {
  const child = spawn(process.execPath, [script, ...args], { ...options, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve(code === 0 ? undefined : (signal ?? `exit code ${code}`)),
    );
  });
}
