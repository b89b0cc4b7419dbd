/**
 * Bad input through the real site build: for each case (a small content directory with an
 * `expected.json`), the build exits with the expected code and prints every expected
 * diagnostic line, positioned in the case's own files; a failed build leaves no HTML. Builds run
 * one after another in a private copy of apps/site (see support/site-copy.ts), so they never
 * share Astro's in-project state with the builds of other test files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, siteRoot } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';

const casesDir = path.join(siteRoot, 'test/fixtures/bad-input');

const expectedSchema = z.strictObject({
  description: z.string(),
  /** 0 when the content has warnings only, 1 when it has an error. */
  siteBuildExitCode: z.number().int(),
  /** `file:line:col  severity  message  rule-id`, the file relative to the case directory. */
  diagnostics: z.array(z.string()).min(1),
});

const caseNames = (await readdir(casesDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-bad-input-'));
let siteCopy: string;
beforeAll(async () => {
  siteCopy = await createSiteCopy(path.join(workDir, 'repository'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('the site build on bad input', () => {
  it('has cases to run', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(6);
  });

  for (const caseName of caseNames) {
    it(caseName, async () => {
      const caseDir = path.join(casesDir, caseName);
      const expected = expectedSchema.parse(
        JSON.parse(await readFile(path.join(caseDir, 'expected.json'), 'utf8')),
      );
      const outDir = path.join(workDir, caseName, 'dist');
      const result = await buildSite({
        contentDir: caseDir,
        outDir,
        cacheDir: path.join(workDir, caseName, 'cache'),
        siteDir: siteCopy,
      });

      expect(result.exitCode, result.output).toBe(expected.siteBuildExitCode);
      // Diagnostics name files relative to where the build runs.
      const casePrefix = path.relative(siteCopy, caseDir).split(path.sep).join('/');
      const printed = result.output.split('\n');
      for (const line of expected.diagnostics) {
        expect(
          printed.some((candidate) => candidate.endsWith(`${casePrefix}/${line}`)),
          line,
        ).toBe(true);
      }
      const html = existsSync(outDir)
        ? (await listFiles(outDir)).filter((file) => file.endsWith('.html'))
        : [];
      if (expected.siteBuildExitCode === 0) expect(html).toContain('index.html');
      else expect(html).toEqual([]);
    });
  }
});
