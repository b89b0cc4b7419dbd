/**
 * Builds the fixture site once for every test file (builds are slow on two cores), then builds
 * it a second time into the same output path with the same cache, keeping the first output
 * aside: tests compare the two for byte-identical output and check that the second build
 * reused every cached parse. Same outDir both times because Astro clears its content cache
 * when any config value changes, outDir included.
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContentDir } from './site-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built fixture site (second build). */
    distDir: string;
    /** The first build's output, for the reproducibility comparison. */
    firstDistDir: string;
    firstBuildOutput: string;
    secondBuildOutput: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-'));
  const outDir = path.join(workDir, 'dist');
  const cacheDir = path.join(workDir, 'cache');
  const firstDistDir = path.join(workDir, 'dist-first');

  const first = await buildSite({ contentDir: fixtureContentDir, outDir, cacheDir });
  if (first.exitCode !== 0) throw new Error(`The fixture site did not build:\n${first.output}`);
  await rename(outDir, firstDistDir);
  const second = await buildSite({ contentDir: fixtureContentDir, outDir, cacheDir });
  if (second.exitCode !== 0) throw new Error(`The second build failed:\n${second.output}`);

  project.provide('distDir', outDir);
  project.provide('firstDistDir', firstDistDir);
  project.provide('firstBuildOutput', first.output);
  project.provide('secondBuildOutput', second.output);
  return async () => {
    await rm(workDir, { recursive: true, force: true });
  };
}
