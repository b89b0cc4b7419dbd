/**
 * Builds the site once, as `pnpm build` does (`astro build`, then `pagefind --site`), into the
 * given output and cache directories, with CONTENT_DIR taken from the environment. Run as a
 * child process (`node test/support/build-site.ts <outDir> <cacheDir>`) so a failing build's
 * output and exit code can be asserted on exactly as a developer or CI would see them.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

const [outDir, cacheDir] = process.argv.slice(2);
if (outDir === undefined || cacheDir === undefined) {
  console.error('Usage: node test/support/build-site.ts <outDir> <cacheDir>');
  process.exit(2);
}
const siteRoot = fileURLToPath(new URL('../../', import.meta.url));

await build({ root: siteRoot, outDir, cacheDir, logLevel: 'info' });
execFileSync(path.join(siteRoot, 'node_modules/.bin/pagefind'), ['--site', outDir], {
  stdio: 'inherit',
});
