/**
 * Builds the fixture site for every test file (builds are slow on two cores): twice from clean
 * state, for the reproducibility comparison, then once more on top of the first build's cache.
 *
 * The two clean builds share nothing: each runs in its own fresh copy of apps/site (its own
 * `.astro/` and `node_modules/.astro`, see site-copy.ts) at a different path, with its own new
 * output and cache directories. The third build reruns the first copy with the same cache and
 * output path (Astro clears its content cache when any config value changes, outDir included),
 * to check that an unchanged file is not parsed again and that a warm build writes the same bytes.
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContentDir } from './site-build.ts';
import { createSiteCopy } from './site-copy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built fixture site (the first clean build). */
    distDir: string;
    /** The second clean build, made independently of the first. */
    secondCleanDistDir: string;
    /** The rebuild on top of the first build's cache. */
    rebuiltDistDir: string;
    firstBuildOutput: string;
    secondCleanBuildOutput: string;
    rebuildOutput: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-'));
  const build = async (name: string, siteDir: string, outDir: string, cacheDir: string) => {
    const result = await buildSite({ contentDir: fixtureContentDir, siteDir, outDir, cacheDir });
    if (result.exitCode !== 0) throw new Error(`The ${name} failed:\n${result.output}`);
    return result.output;
  };

  const first = {
    site: await createSiteCopy(path.join(workDir, 'first/repository')),
    outDir: path.join(workDir, 'first/dist'),
    cacheDir: path.join(workDir, 'first/cache'),
  };
  const second = {
    site: await createSiteCopy(path.join(workDir, 'second-clean/repository')),
    outDir: path.join(workDir, 'second-clean/dist'),
    cacheDir: path.join(workDir, 'second-clean/cache'),
  };
  const firstBuildOutput = await build('first build', first.site, first.outDir, first.cacheDir);
  const distDir = path.join(workDir, 'first/dist-kept');
  await rename(first.outDir, distDir);
  const secondCleanBuildOutput = await build(
    'second clean build',
    second.site,
    second.outDir,
    second.cacheDir,
  );
  const rebuildOutput = await build('rebuild', first.site, first.outDir, first.cacheDir);

  project.provide('distDir', distDir);
  project.provide('secondCleanDistDir', second.outDir);
  project.provide('rebuiltDistDir', first.outDir);
  project.provide('firstBuildOutput', firstBuildOutput);
  project.provide('secondCleanBuildOutput', secondCleanBuildOutput);
  project.provide('rebuildOutput', rebuildOutput);
  return async () => {
    await rm(workDir, { recursive: true, force: true });
  };
}
