/**
 * Builds the real site over a content directory, the way its `build` script does (`astro build`,
 * then the search index: scripts/build-search-index.ts, a Pagefind run per publication year),
 * from a private copy of apps/site (see site-mirror.ts) and into an output directory of the
 * harness's own, so a benchmark and an engineer's build never overwrite each other.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { measureCommand } from '../measure/measured-command.ts';
import { countPages } from './count-pages.ts';
import { astroEntry, buildEnvironment } from './workspace-paths.ts';

export interface SiteBuildMeasurement {
  /** Whole build, Astro then the search index. */
  wallMs: number;
  /** Highest memory of either step's process tree (the steps run one after the other). */
  peakTreeRssBytes: number;
  pages: number;
  astroMs: number;
  /** The search-index step: its Pagefind runs, and copying the bundles it reuses. */
  pagefindMs: number;
}

export interface Options {
  /** The site to build: a mirror of apps/site made by `createSiteMirror`. */
  siteDir: string;
  contentDir: string;
  outDir: string;
  /**
   * A full build: `--force` discards Astro's content-layer cache, and the output and the search
   * index's cache are removed first. Without it, Astro and the search index reuse what the
   * previous build into `outDir` cached (an incremental build).
   */
  full: boolean;
}

/** Where the search-index step keeps its bundles between builds into `outDir`. */
export function searchIndexCacheDir(outDir: string): string {
  return `${outDir}.search-cache`;
}

export async function buildFactDigestSite({
  siteDir,
  contentDir,
  outDir,
  full,
}: Options): Promise<SiteBuildMeasurement> {
  const searchCache = searchIndexCacheDir(outDir);
  if (full) {
    await rm(outDir, { recursive: true, force: true });
    await rm(searchCache, { recursive: true, force: true });
  }
  const env = buildEnvironment(contentDir);
  const astro = await measureCommand(
    process.execPath,
    [astroEntry(siteDir), 'build', '--outDir', outDir, ...(full ? ['--force'] : [])],
    { cwd: siteDir, env },
  );
  const searchIndexStep = path.join(siteDir, 'scripts/build-search-index.ts');
  const pagefind = await measureCommand(
    process.execPath,
    [searchIndexStep, '--site', outDir, '--cacheDir', searchCache],
    { cwd: siteDir, env },
  );
  return {
    wallMs: astro.wallMs + pagefind.wallMs,
    peakTreeRssBytes: Math.max(astro.peakTreeRssBytes, pagefind.peakTreeRssBytes),
    pages: await countPages(outDir),
    astroMs: astro.wallMs,
    pagefindMs: pagefind.wallMs,
  };
}
