/**
 * Builds the real site over a content directory, the way its `build` script does
 * (`astro build && pagefind --site dist`), from a private copy of apps/site (see site-mirror.ts)
 * and into an output directory of the harness's own, so a benchmark and an engineer's build
 * never overwrite each other.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { measureCommand } from '../measure/measured-command.ts';
import { countPages } from './count-pages.ts';
import { astroEntry, buildEnvironment } from './workspace-paths.ts';

export interface SiteBuildMeasurement {
  /** Whole build, Astro then Pagefind. */
  wallMs: number;
  /** Highest memory of either step's process tree (the steps run one after the other). */
  peakTreeRssBytes: number;
  pages: number;
  astroMs: number;
  pagefindMs: number;
}

export interface Options {
  /** The site to build: a mirror of apps/site made by `createSiteMirror`. */
  siteDir: string;
  contentDir: string;
  outDir: string;
  /**
   * A full build: `--force` discards Astro's content-layer cache and the output is removed first.
   * Without it, Astro reuses what the previous build of this site cached (an incremental build).
   */
  full: boolean;
}

export async function buildFactDigestSite({
  siteDir,
  contentDir,
  outDir,
  full,
}: Options): Promise<SiteBuildMeasurement> {
  if (full) await rm(outDir, { recursive: true, force: true });
  const env = buildEnvironment(contentDir);
  const astro = await measureCommand(
    process.execPath,
    [astroEntry(siteDir), 'build', '--outDir', outDir, ...(full ? ['--force'] : [])],
    { cwd: siteDir, env },
  );
  const pagefindEntry = path.join(siteDir, 'node_modules/pagefind/lib/runner/bin.cjs');
  const pagefind = await measureCommand(process.execPath, [pagefindEntry, '--site', outDir], {
    cwd: siteDir,
    env,
  });
  return {
    wallMs: astro.wallMs + pagefind.wallMs,
    peakTreeRssBytes: Math.max(astro.peakTreeRssBytes, pagefind.peakTreeRssBytes),
    pages: await countPages(outDir),
    astroMs: astro.wallMs,
    pagefindMs: pagefind.wallMs,
  };
}
