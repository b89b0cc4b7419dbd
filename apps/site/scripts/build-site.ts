/**
 * The production build: `astro build`, then the Pagefind index, into a staging directory that
 * replaces the output directory only when both succeeded. The output directory is removed
 * first, so a failed build leaves no site at all, never a half-written one (pages rendered
 * before the failure, or pages without their search index) for a deploy step to pick up.
 *
 *   node scripts/build-site.ts [--outDir <dir>] [--cacheDir <dir>]
 *
 * `--outDir` defaults to `dist` and `--cacheDir` to Astro's default (`node_modules/.astro`); the
 * tests pass fresh temporary directories. Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';

const siteRoot = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { outDir: { type: 'string' }, cacheDir: { type: 'string' } },
});
const outDir = path.resolve(siteRoot, values.outDir ?? 'dist');
// Beside the output directory, so the final rename stays on one file system.
const stagingDir = `${outDir}.staging`;

await rm(outDir, { recursive: true, force: true });
await rm(stagingDir, { recursive: true, force: true });
try {
  await build({
    root: siteRoot,
    outDir: stagingDir,
    ...(values.cacheDir === undefined ? {} : { cacheDir: path.resolve(values.cacheDir) }),
    logLevel: 'info',
  });
  // Run from the site root, where Pagefind finds its pagefind.yml, whoever calls this script.
  execFileSync(path.join(siteRoot, 'node_modules/.bin/pagefind'), ['--site', stagingDir], {
    cwd: siteRoot,
    stdio: 'inherit',
  });
  await rename(stagingDir, outDir);
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  // Astro has already printed the diagnostics; this names the failure and sets the exit code.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
