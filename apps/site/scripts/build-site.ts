/**
 * The production build: `astro build`, with the Pagefind index's bundles built while it renders
 * the pages after the digest pages, then the rest of the index, the site feed (`/rss.xml`,
 * scripts/write-site-feed.ts) and the sitemap (scripts/write-sitemap.ts) side by side, into a
 * staging directory that replaces the output directory only when all succeeded. The previous
 * site is moved aside first (and deleted while Astro builds), so a failed build leaves no site at
 * all, never a half-written one (pages rendered before the failure, or pages without their search
 * index) nor the previous one, for a deploy step to pick up.
 *
 *   node scripts/build-site.ts [--outDir <dir>] [--cacheDir <dir>] [--force]
 *
 * `--outDir` defaults to `dist` and `--cacheDir` to Astro's default (`node_modules/.astro`); the
 * tests pass fresh temporary directories. `--force` renders every page and parses every content
 * file again, ignoring what the previous build left in the cache directory. Exits non-zero on any
 * failure.
 *
 * Rebuilds are incremental (`experimental.incrementalBuild` in astro.config.ts): Astro keeps its
 * own copy of every page that has a cache key (a hard link to the page, see patches/README.md),
 * with a manifest of keys and code hashes, in the cache directory, and copies an unchanged page
 * from there into the output directory. It never reads the previous output directory, so it
 * builds into a fresh staging directory, into which the previous site's unchanged pages are
 * moved first: Astro keeps a page that is there instead of copying it (see cached-pages.ts). What it does not handle is a build that stops half-way:
 * pages rendered before the failure have already replaced their copies in the cache while the
 * manifest still describes the previous build, so a later build whose keys match that manifest
 * again (say, after a code change that failed the build was reverted) would copy pages of the
 * failed build. A marker file in the cache directory, present while `astro build` runs, makes
 * the next build discard that cache and render everything.
 *
 * `astro build` runs in a child process (scripts/astro-build-step.ts): a Node process keeps the
 * heap it grew, and in this process Astro's heap and Pagefind's together made the build's peak
 * (5.5 GiB at 10,000 digests, against 3.2 for either). The feed and the sitemap start when it
 * has exited; the search bundles built beside it are one Pagefind run at a time, each small
 * enough to fit beside Astro's memory (see build-search-index.ts). Only `pnpm build` (this
 * script) makes the search index, the feed and the sitemap; `astro build` on its own makes the
 * pages.
 */
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildSearchBundlesAhead,
  buildSearchIndex,
  moveIfPresent,
  type MovableIndex,
} from './build-search-index.ts';
import {
  forgetBuiltSite,
  keepUnchangedPages,
  keptPagesInPlace,
  recordBuiltSite,
  removeUnbuiltPages,
  siteIdentity,
  type KeptPages,
} from './cached-pages.ts';
import { removeDirectory } from '../src/remove-directory.ts';
import { siteUrl } from '../src/site-settings.ts';
import { startNodeScript, type ChildStep } from './child-step.ts';
import { contentFingerprintVariable } from './content-fingerprint.ts';
import { isRouteStarted } from './render-progress-message.ts';

const siteRoot = fileURLToPath(new URL('../', import.meta.url));

// Turbo caches this build by the hash of its inputs, and for a CONTENT_DIR those include the
// fingerprint `pnpm build` computes (scripts/turbo-build.ts). `turbo run build` started directly
// has none, and would cache a site that it then replays after the content changed.
if (
  process.env['TURBO_HASH'] !== undefined &&
  process.env['npm_lifecycle_event'] === 'build' &&
  process.env['CONTENT_DIR'] !== undefined &&
  process.env[contentFingerprintVariable] === undefined
) {
  console.error(
    `CONTENT_DIR is set but ${contentFingerprintVariable} is not: Turbo could not tell when the content changes, and would replay this build after an edit. Build with \`pnpm build\` (scripts/turbo-build.ts), which sets it, rather than \`turbo run build\`.`,
  );
  process.exit(1);
}
const { values } = parseArgs({
  options: {
    outDir: { type: 'string' },
    cacheDir: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const outDir = path.resolve(siteRoot, values.outDir ?? 'dist');
// Beside the output directory, so the renames stay on one file system.
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;
// The previous site's search index, moved out of it before it is deleted: bundles that did not
// change are moved from here into the new site (see build-search-index.ts).
const previousIndexDir = `${outDir}.previous-search`;
// The search bundles built while Astro renders the pages after the digest pages.
const aheadIndexDir = `${outDir}.search-ahead`;
/** The route of the digest pages (src/pages/digests/[id].astro), as Astro names it. */
const digestPageRoute = '/digests/[id]';
// Astro's default cache directory, named here so the incremental cache can be found in it.
const cacheDir = path.resolve(values.cacheDir ?? path.join(siteRoot, 'node_modules/.astro'));
const unfinishedMarker = path.join(cacheDir, 'incremental-build.unfinished');

/**
 * Removes Astro's incremental build cache: its manifest and its copies of the pages (the names
 * Astro 7's `core/build/incremental.js` uses). Without a manifest, every page is rendered.
 */
async function discardIncrementalCache(): Promise<void> {
  await rm(path.join(cacheDir, 'incremental-build.json'), { force: true });
  await removeDirectory(path.join(cacheDir, 'dist'));
}

/**
 * Starts scripts/astro-build-step.ts, which writes no page before it is sent `keptPagesInPlace`.
 */
function startAstroBuild(): ChildStep {
  const args = ['--root', siteRoot, '--outDir', stagingDir, '--cacheDir', cacheDir];
  if (values.force) args.push('--force');
  return startNodeScript(path.join(siteRoot, 'scripts/astro-build-step.ts'), args, {
    // For one collection, between the bundling and the pages (see astro-build-step.ts).
    nodeOptions: ['--expose-gc'],
    // From the site root, as `pnpm build` runs it: started elsewhere, Vite leaves some of the
    // parser's dependencies out of the bundle, unresolvable from an output directory outside.
    // A relative CONTENT_DIR still means relative to where this script was started.
    cwd: siteRoot,
    env: {
      ...process.env,
      ...(process.env['CONTENT_DIR'] === undefined
        ? {}
        : { CONTENT_DIR: path.resolve(process.env['CONTENT_DIR']) }),
    },
    messages: true,
  });
}

/** Runs scripts/write-site-feed.ts on the staging directory; rejects if it fails. */
async function writeSiteFeed(): Promise<void> {
  const failure = await startNodeScript(
    path.join(siteRoot, 'scripts/write-site-feed.ts'),
    ['--site', stagingDir, '--cacheDir', cacheDir],
    { cwd: siteRoot },
  ).exited;
  if (failure !== undefined) throw new Error(`Writing the site feed failed (${failure})`);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

// Left by a build that was killed.
await removeDirectory(stagingDir);
await removeDirectory(previousDir);
await removeDirectory(previousIndexDir);
await removeDirectory(aheadIndexDir);
// Its identity tells whether the cache's manifest describes it (see cached-pages.ts).
const previousIdentity = siteIdentity(outDir);
// Moving the previous site aside is instant; deleting its thousands of files takes seconds that a
// rebuild need not wait for, so that runs while Astro builds, once its unchanged pages have been
// moved into the staging directory.
const hadPreviousSite = await rename(outDir, previousDir).then(
  () => true,
  async (error: NodeJS.ErrnoException) => {
    // No previous site; or it cannot be moved, and is deleted before anything else happens.
    if (error.code !== 'ENOENT') await removeDirectory(outDir);
    return false;
  },
);
let previousSiteRemoved: Promise<void> = Promise.resolve();
// Settles when the bundles built ahead are finished (or failed: the search step after Astro then
// builds them). Awaited before anything is moved or deleted.
let searchAhead: Promise<unknown> = Promise.resolve();
try {
  if (await exists(unfinishedMarker)) {
    console.log('The previous build did not finish: rendering every page again.');
    await discardIncrementalCache();
  }
  await mkdir(cacheDir, { recursive: true });
  // Timed with the pages it is spared copying, and the removal of those the content lost.
  const astroStarted = performance.now();
  await writeFile(unfinishedMarker, 'astro build started and has not finished\n');
  const astro = startAstroBuild();
  // While Astro starts and loads the content (seconds at 10,000 digests), the previous site's
  // unchanged pages, which it would otherwise copy from its cache (see cached-pages.ts), are moved
  // into the staging directory (29,000 renames at 10,000 digests, about 1.3 s); Astro renders
  // nothing before it is told they are in place. A forced build renders every page.
  let kept: KeptPages;
  try {
    kept =
      hadPreviousSite && !values.force
        ? keepUnchangedPages({
            cacheDir,
            outDir,
            previousSite: previousDir,
            previousIdentity,
            stagingDir,
          })
        : { files: [], keptAt: Date.now(), previousSiteMatched: false };
    if (kept.previousSiteMatched)
      moveIfPresent(path.join(previousDir, 'pagefind'), previousIndexDir);
    // From here on the manifest and the site change; the record is written again at the end.
    forgetBuiltSite(cacheDir);
  } catch (error) {
    astro.child.kill();
    await astro.exited;
    throw error;
  }
  // Once Astro has left the digest pages for the next route (render-progress.ts tells), the
  // search bundles are built beside the rest of the rendering, one Pagefind run at a time, and
  // the step after Astro moves those whose pages did not change since (build-search-index.ts).
  // At 10,000 digests that is about 25 s of the rendering's 40, with one of the two cores mostly
  // idle; after an edit, the one bundle to build.
  let digestPagesStarted = false;
  let searchAheadStarted = false;
  astro.child.on('message', (message) => {
    if (!isRouteStarted(message) || searchAheadStarted) return;
    if (message.route === digestPageRoute) {
      digestPagesStarted = true;
    } else if (digestPagesStarted) {
      searchAheadStarted = true;
      // The last digest pages Astro started (eight render at a time) are written meanwhile.
      searchAhead = delay(250)
        .then(() =>
          buildSearchBundlesAhead({
            site: stagingDir,
            cacheDir,
            force: values.force,
            output: aheadIndexDir,
            stop: astro.exited,
          }),
        )
        .catch((error: unknown) => {
          console.log(
            `Building the search index beside Astro stopped (it is built after Astro instead): ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }
  });
  // A process that has already exited (a content error, say) says why below.
  if (astro.child.connected) astro.child.send(keptPagesInPlace, () => undefined);
  if (hadPreviousSite) previousSiteRemoved = removeDirectory(previousDir);
  // Awaited below, on success and on failure; this only keeps Node from calling it unhandled first.
  previousSiteRemoved.catch(() => undefined);
  const failure = await astro.exited;
  await searchAhead;
  if (failure !== undefined) throw new Error(`astro build failed (${failure})`);
  // The manifest now describes the cached pages again.
  await rm(unfinishedMarker);
  removeUnbuiltPages(kept, cacheDir, stagingDir);
  const astroSeconds = (performance.now() - astroStarted) / 1000;
  // The search bundles not built while Astro rendered (scripts/build-search-index.ts), reusing
  // those whose digests did not change; meanwhile, the site feed, in a process of its own, and
  // the sitemap.
  const searchStarted = performance.now();
  // All three finish before a failure is thrown, so that none writes into a staging directory the
  // failure is about to delete.
  const failed = (
    await Promise.allSettled([
      buildSearchIndex({
        site: stagingDir,
        cacheDir,
        force: values.force,
        movableIndexes: [
          { path: aheadIndexDir, description: 'built while Astro rendered' },
          ...(kept.previousSiteMatched
            ? [{ path: previousIndexDir, description: 'reused from the previous site' }]
            : []),
        ] satisfies MovableIndex[],
      }),
      writeSiteFeed(),
      // Imported only now: its imports (the site's content code) hold about 44 MB that this
      // process would otherwise keep beside Astro's and Pagefind's memory.
      import('./write-sitemap.ts').then(({ writeSitemap }) =>
        writeSitemap({ site: stagingDir, siteUrl }),
      ),
    ])
  ).find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const searchSeconds = (performance.now() - searchStarted) / 1000;
  // With what is left of the previous index: bundles that changed, years without digests now.
  await Promise.all([
    previousSiteRemoved,
    removeDirectory(previousIndexDir),
    removeDirectory(aheadIndexDir),
  ]);
  await rename(stagingDir, outDir);
  await recordBuiltSite(cacheDir, outDir);
  // The benchmark harness reads the two steps' times from this line.
  console.log(
    `Built ${outDir}: Astro step ${astroSeconds.toFixed(2)} s, search index, feed and sitemap ${searchSeconds.toFixed(2)} s.`,
  );
} catch (error) {
  await searchAhead;
  await removeDirectory(stagingDir);
  await previousSiteRemoved.catch(() => undefined);
  // Not yet started if the build failed before Astro ran.
  if (hadPreviousSite) await removeDirectory(previousDir);
  await removeDirectory(previousIndexDir);
  await removeDirectory(aheadIndexDir);
  if (await exists(unfinishedMarker)) {
    await discardIncrementalCache();
    await rm(unfinishedMarker, { force: true });
  }
  // Astro or Pagefind has already printed what went wrong; this names the step that failed.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
