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
import { build, type AstroIntegration } from 'astro';
import { keptPagesInPlace } from './cached-pages.ts';

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

/**
 * Resolves when build-site.ts says the previous site's unchanged pages are in the output
 * directory (it moves them while Astro starts and loads the content): Astro decides, page by
 * page, to keep a page that is there or to copy its own, and a page moved in after Astro wrote a
 * new one would replace it with the old. Without an IPC channel (run on its own) there is nothing
 * to wait for.
 */
const keptPages = new Promise<void>((resolve, reject) => {
  if (process.send === undefined) {
    resolve();
    return;
  }
  process.on('message', (message) => {
    if (message !== keptPagesInPlace) return;
    // The channel no longer keeps the process alive: it exits when the build is done.
    process.channel?.unref();
    resolve();
  });
  process.once('disconnect', () =>
    reject(new Error('build-site.ts went away before the kept pages were in place.')),
  );
});
// Awaited in the hook below; a rejection before then is not unhandled.
keptPages.catch(() => undefined);

/**
 * Collects the garbage of the content sync once Vite has bundled the site, before Astro calls
 * every route's `getStaticPaths` (with `--expose-gc`, as build-site.ts starts this script;
 * without it, nothing). At 10,000 digests about 700 MB of the heap is then garbage (the loader's
 * results for 30,166 files), and whether V8 had collected it before `getStaticPaths` filled the
 * heap again decided the rendering's memory: the process keeps the heap's high-water mark
 * resident, about 1.55 GB through the rendering when it had, 1.83 GB when it had not (3 of 9
 * render-only builds measured without this collection; 5 of 5 with it stayed at 1.49–1.56 GB).
 * The collection takes about 80 ms. A Vite plugin's `buildApp` hook is the last point before
 * the pages: Astro renders them from its own `buildApp` hook, which runs after this one.
 */
function collectGarbageBeforePages(): AstroIntegration {
  const collect = (globalThis as { gc?: () => void }).gc;
  return {
    name: 'fact-digest-collect-garbage-before-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (collect === undefined) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'fact-digest-collect-garbage-before-pages',
                buildApp: {
                  order: 'post',
                  handler: async () => collect(),
                },
              },
            ],
          },
        });
      },
    },
  };
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
    // After the content is loaded, before any page is written.
    integrations: [
      { name: 'fact-digest-kept-pages', hooks: { 'astro:build:start': () => keptPages } },
      collectGarbageBeforePages(),
      {
        name: 'fact-digest-render-progress',
        hooks: {
          'astro:config:setup': ({ addMiddleware }) =>
            addMiddleware({
              entrypoint: new URL('./render-progress.ts', import.meta.url),
              order: 'pre',
            }),
        },
      },
    ],
  });
} catch (error) {
  // Astro has already printed the diagnostics; this names the failure and sets the exit code.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
