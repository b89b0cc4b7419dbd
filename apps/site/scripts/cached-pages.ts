/**
 * Astro's incremental build keeps a copy of every page that has a cache key (under
 * `<cacheDir>/dist/`, listed in `<cacheDir>/incremental-build.json`) and, on a rebuild, copies
 * each unchanged page from there into the output directory. At 10,000 digests that is 29,000
 * copies, each in a folder of its own: about 10 s of a 32 s rebuild with one digest edited.
 *
 * Astro skips the copy when the page is in the output directory already. The previous site,
 * which build-site.ts moves aside and deletes, holds exactly those pages, with the same bytes:
 * each is either the page Astro rendered (its cache copy is a hard link to it, see
 * apps/site/patches/README.md) or the copy it restored. So `keepUnchangedPages` moves the pages
 * the manifest lists from the previous site into the new staging directory before Astro runs,
 * one `rename` each. A page whose key changed is rendered again and replaces the moved one; a
 * page the content no longer has is not rendered, and `removeUnbuiltPages` deletes it after
 * Astro.
 *
 * Moved rather than linked: the previous site is deleted while Astro renders, and has that many
 * fewer files to delete.
 *
 * Only a previous site that is the output of the build whose manifest is in the cache gives its
 * pages: `recordBuiltSite` notes, after each build, which output directory (by path and inode)
 * the manifest describes. A site built with another cache directory, or replaced since, keeps
 * nothing, and Astro copies as before.
 */
import { lstatSync, mkdirSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { contentSha256 } from '../src/loaders/content-store.ts';
import { readTextIfPresent, writeWholeFile } from '../src/whole-files.ts';

/**
 * What build-site.ts sends Astro's process (scripts/astro-build-step.ts) once the kept pages are
 * in the staging directory: it moves them while Astro starts and loads the content, and Astro
 * renders nothing before they are all in place.
 */
export const keptPagesInPlace = 'fact-digest: kept pages in place';

/** Pages `keepUnchangedPages` moved into the staging directory. */
export interface KeptPages {
  /** Output files, relative to the staging directory. */
  files: string[];
  /** `Date.now()` before the first move: a kept page written since is newer. */
  keptAt: number;
  /**
   * Whether the previous site is the output the cache's manifest describes: only then are its
   * pages kept, and its search bundles moved (see build-search-index.ts).
   */
  previousSiteMatched: boolean;
}

/** Which site the cache's manifest describes (see `recordBuiltSite`). */
interface BuiltSite {
  outDir: string;
  /** The output directory's inode and birth time: a directory put in its place has others. */
  inode: number;
  birthtimeMs: number;
  manifestSha256: string;
}

const manifestFile = (cacheDir: string): string => path.join(cacheDir, 'incremental-build.json');
const builtSiteFile = (cacheDir: string): string => path.join(cacheDir, 'built-site.json');

/** Every page output file a manifest lists. */
function outputFiles(manifestText: string): string[] {
  const manifest = JSON.parse(manifestText) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
  };
  const files: string[] = [];
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const page of Object.values(route.paths ?? {})) {
      if (typeof page.outputFile === 'string') files.push(page.outputFile);
    }
  }
  return files;
}

/**
 * After a build has put its site in `outDir`: notes that the manifest in `cacheDir` describes
 * that directory's pages.
 */
export async function recordBuiltSite(cacheDir: string, outDir: string): Promise<void> {
  const manifest = readTextIfPresent(manifestFile(cacheDir));
  const identity = siteIdentity(outDir);
  if (manifest === undefined || identity === undefined) {
    forgetBuiltSite(cacheDir);
    return;
  }
  const record: BuiltSite = { outDir, ...identity, manifestSha256: contentSha256(manifest) };
  await writeWholeFile(builtSiteFile(cacheDir), JSON.stringify(record));
}

/** Before anything may change the site or the manifest: no site is known to match it. */
export function forgetBuiltSite(cacheDir: string): void {
  try {
    unlinkSync(builtSiteFile(cacheDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * The identity `outDir` has now, to be passed to `keepUnchangedPages` once the directory has
 * been moved aside (a rename keeps it); undefined when there is no such directory, or where the
 * system gives no birth time.
 */
export function siteIdentity(outDir: string): Pick<BuiltSite, 'inode' | 'birthtimeMs'> | undefined {
  let stats;
  try {
    stats = statSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return stats.birthtimeMs > 0 ? { inode: stats.ino, birthtimeMs: stats.birthtimeMs } : undefined;
}

/**
 * Moves the pages the cache's manifest lists from `previousSite` (the site that was in `outDir`,
 * with the identity it had there) into `stagingDir`, when the manifest describes that site.
 * Synchronous: nothing else in this process needs to run meanwhile.
 */
export function keepUnchangedPages(options: {
  cacheDir: string;
  outDir: string;
  previousSite: string;
  previousIdentity: Pick<BuiltSite, 'inode' | 'birthtimeMs'> | undefined;
  stagingDir: string;
}): KeptPages {
  const { cacheDir, outDir, previousSite, previousIdentity, stagingDir } = options;
  const keptAt = Date.now();
  const none = { files: [], keptAt, previousSiteMatched: false };
  const manifest = readTextIfPresent(manifestFile(cacheDir));
  const recorded = readTextIfPresent(builtSiteFile(cacheDir));
  if (manifest === undefined || recorded === undefined || previousIdentity === undefined) {
    return none;
  }
  const built = JSON.parse(recorded) as BuiltSite;
  if (
    built.outDir !== outDir ||
    built.inode !== previousIdentity.inode ||
    built.birthtimeMs !== previousIdentity.birthtimeMs ||
    built.manifestSha256 !== contentSha256(manifest)
  ) {
    return none;
  }
  const files: string[] = [];
  const madeDirs = new Set<string>();
  for (const file of outputFiles(manifest)) {
    const target = path.join(stagingDir, file);
    // A manifest entry outside the output directory is not a page; leave it to Astro.
    if (path.relative(stagingDir, target).startsWith('..')) continue;
    const dir = path.dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    try {
      renameSync(path.join(previousSite, file), target);
    } catch (error) {
      // Not in the previous site: Astro restores or renders it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    files.push(file);
  }
  return { files, keptAt, previousSiteMatched: true };
}

/**
 * After a successful Astro step: deletes the kept pages this build did not produce (listed in
 * no route of the new manifest, and not written since they were kept), with the folders they
 * leave empty. Returns how many pages it deleted.
 */
export function removeUnbuiltPages(kept: KeptPages, cacheDir: string, stagingDir: string): number {
  const manifest = readTextIfPresent(manifestFile(cacheDir));
  const built = new Set(manifest === undefined ? [] : outputFiles(manifest));
  let removed = 0;
  for (const file of kept.files) {
    if (built.has(file)) continue;
    const target = path.join(stagingDir, file);
    let modified: number;
    try {
      modified = lstatSync(target).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    // Rendered by this build, as a page without a cache key: it belongs to the site.
    if (modified >= kept.keptAt) continue;
    unlinkSync(target);
    removed += 1;
    for (let dir = path.dirname(target); dir.startsWith(stagingDir + path.sep);) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (or gone): the folders above it are not empty either.
        break;
      }
      dir = path.dirname(dir);
    }
  }
  return removed;
}
