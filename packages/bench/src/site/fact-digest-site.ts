/**
 * Builds the real site over a content directory as `pnpm build` does, through its
 * scripts/build-site.ts (the Astro step, with the previous site's unchanged pages moved into a
 * staging directory and the search bundles built while it renders, then the rest of the search
 * index beside the site feed, written in a process of its own, and the sitemap), from a private
 * copy of apps/site (see site-mirror.ts) and into an output directory of the harness's own, so a
 * benchmark and an engineer's build never overwrite each other. The two steps' times are read
 * from the line build-site.ts prints at the end.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { measureCommand } from '../measure/measured-command.ts';
import { countPages } from './count-pages.ts';
import { buildEnvironment } from './workspace-paths.ts';

export interface SiteBuildMeasurement {
  /** Whole build, Astro then the steps after it. */
  wallMs: number;
  /** Highest memory of the build's whole process tree (its steps run one after the other). */
  peakTreeRssBytes: number;
  pages: number;
  astroMs: number;
  /**
   * The step after Astro: the search index (its Pagefind runs, and copying the bundles it reuses)
   * and, beside it, the site feed and the sitemap.
   */
  pagefindMs: number;
}

export interface Options {
  /** The site to build: a mirror of apps/site made by `createSiteMirror`. */
  siteDir: string;
  contentDir: string;
  outDir: string;
  /**
   * A full build: the output and the build's caches are removed first, and `--force` renders
   * every page and parses every file. Without it, the build reuses what the previous build into
   * `outDir` cached (an incremental build).
   */
  full: boolean;
}

/** Where the build keeps Astro's caches and the search index's bundles between builds. */
export function buildCacheDir(outDir: string): string {
  return `${outDir}.cache`;
}

/**
 * `Built <dir>: Astro step 12.34 s, search index, feed and sitemap 5.67 s.`, as build-site.ts
 * ends.
 */
const stepTimes =
  /^Built .*: Astro step ([\d.]+) s, search index, feed and sitemap ([\d.]+) s\.$/mu;

export async function buildFactDigestSite({
  siteDir,
  contentDir,
  outDir,
  full,
}: Options): Promise<SiteBuildMeasurement> {
  const cacheDir = buildCacheDir(outDir);
  if (full) {
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
  const build = await measureCommand(
    process.execPath,
    [
      path.join(siteDir, 'scripts/build-site.ts'),
      '--outDir',
      outDir,
      '--cacheDir',
      cacheDir,
      ...(full ? ['--force'] : []),
    ],
    { cwd: siteDir, env: buildEnvironment(contentDir) },
  );
  const times = stepTimes.exec(build.output);
  if (times === null) {
    throw new Error(`build-site.ts did not print its step times:\n${build.output.slice(-2000)}`);
  }
  return {
    wallMs: build.wallMs,
    peakTreeRssBytes: build.peakTreeRssBytes,
    pages: await countPages(outDir),
    astroMs: Number(times[1]) * 1000,
    pagefindMs: Number(times[2]) * 1000,
  };
}
