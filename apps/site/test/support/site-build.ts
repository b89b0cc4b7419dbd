/**
 * Running the site build from tests: a child process per build, its output captured.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const siteRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtureContentDir = path.join(siteRoot, 'test/fixtures/content');
export const testSiteUrl = 'https://digest.test.example/';

export interface BuildResult {
  exitCode: number;
  /** stdout and stderr, interleaved as printed. */
  output: string;
}

/** `pnpm build` (scripts/build-site.ts: `astro build` + `pagefind`) for `contentDir` into `outDir`. */
export function buildSite(options: {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** The apps/site to build in (a copy from site-copy.ts). Default: this one. */
  siteDir?: string;
  /** `--force`: render every page, whatever the cache holds. */
  force?: boolean;
  /** Added to the build's environment. */
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const siteDir = options.siteDir ?? siteRoot;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(siteDir, 'scripts/build-site.ts'),
        '--outDir',
        options.outDir,
        '--cacheDir',
        options.cacheDir,
        ...(options.force === true ? ['--force'] : []),
      ],
      {
        cwd: siteDir,
        env: {
          ...process.env,
          CONTENT_DIR: options.contentDir,
          SITE_URL: testSiteUrl,
          // Colour codes would get in the way of matching the printed diagnostics.
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          ...options.env,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

export async function readText(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}
