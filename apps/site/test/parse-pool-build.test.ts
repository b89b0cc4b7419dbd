// A real build over content large enough for the loader to parse on worker threads (started from
// inside Astro's Vite module runner) prints the diagnostics a single thread finds, in its order.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { formatDiagnostic, processContent, readContentFiles } from '@fact-digest/parser';
import { defaultOptions } from '../src/loaders/parse-pool.ts';
import { buildSite, siteRoot } from './support/site-build.ts';

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-pool-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** The fixture with errors, its digests and sources copied under new names, `copies` times. */
async function largeContentWithErrors(copies: number): Promise<string> {
  const fixture = path.join(siteRoot, 'test/fixtures/content-with-errors');
  const contentDir = path.join(workDir, 'content');
  await cp(fixture, contentDir, { recursive: true });
  for (const folder of ['digests', 'sources']) {
    for (const name of await readdir(path.join(fixture, folder))) {
      for (let copy = 1; copy <= copies; copy += 1) {
        await cp(
          path.join(fixture, folder, name),
          path.join(contentDir, folder, name.replace(/\.md$/, `-${copy}.md`)),
        );
      }
    }
  }
  return contentDir;
}

/** The diagnostic lines the loader printed before it parsed on worker threads. */
async function singleThreadLines(contentDir: string): Promise<string[]> {
  // The parser's own single-thread pipeline: entities first, then the rest against their registry.
  const files = await readContentFiles(contentDir);
  return processContent(files).diagnostics.map((diagnostic) =>
    formatDiagnostic(
      { ...diagnostic, file: path.relative(siteRoot, path.join(contentDir, diagnostic.file)) },
      'pretty',
    ),
  );
}

it('prints the single-thread diagnostics in their order when the loader parses on workers', async () => {
  const contentDir = await largeContentWithErrors(140);
  const files = await readContentFiles(contentDir);
  expect(files.length).toBeGreaterThan(defaultOptions.minFilesForWorkers);
  const expected = await singleThreadLines(contentDir);
  expect(expected.length).toBeGreaterThan(400);

  const result = await buildSite({
    contentDir,
    outDir: path.join(workDir, 'dist'),
    cacheDir: path.join(workDir, 'cache'),
  });
  expect(result.exitCode).not.toBe(0);
  // Each diagnostic is logged once in order; the final error repeats the errors after them.
  const relativeContentDir = path.relative(siteRoot, contentDir);
  const printed = result.output
    .split('\n')
    .filter((line) => line.includes(`${relativeContentDir}/`))
    .map((line) => line.slice(line.indexOf(relativeContentDir)));
  expect(printed.slice(0, expected.length)).toEqual(expected);
  const errors = expected.filter((line) => line.includes('  error  '));
  expect(result.output).toContain(`The content has ${errors.length} errors; the site is not built`);
});
