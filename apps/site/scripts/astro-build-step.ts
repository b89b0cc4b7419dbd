/**
 * `astro build` through Astro's JavaScript API, which, unlike the CLI, honours `cacheDir`:
 *
 *   node scripts/astro-build-step.ts --outDir <dir> --cacheDir <dir> [--force]
 *
 * scripts/build-site.ts runs this in a process of its own so that Astro's memory is handed back
 * to the system before Pagefind starts: a Node process keeps the heap it grew, and at 10,000
 * digests Astro's (over 2 GiB) and Pagefind's (3 GiB) together came to 5.5 GiB.
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    outDir: { type: 'string' },
    cacheDir: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
if (values.root === undefined || values.outDir === undefined || values.cacheDir === undefined) {
  throw new Error('astro-build-step.ts needs --root, --outDir and --cacheDir');
}

try {
  await build({
    root: values.root,
    outDir: values.outDir,
    cacheDir: values.cacheDir,
    force: values.force,
    logLevel: 'info',
    // The output directory is new, or holds only the unchanged pages build-site.ts moved into it
    // (see cached-pages.ts), which emptying it would delete.
    vite: { build: { emptyOutDir: false } },
  });
} catch (error) {
  // Astro has already printed the diagnostics; this names the failure and sets the exit code.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
