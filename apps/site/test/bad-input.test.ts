/**
 * Bad input through the real site build, for a sample of the repository's bad-input corpus
 * (content/test/bad-input: each case a small content directory over the shared `_base/`, with an
 * `expected.json` that content/test/bad-input.test.ts checks against `pnpm check`): the build
 * exits with the case's site build exit code and prints every expected diagnostic line,
 * positioned in the case's own files; a failed build leaves no HTML, a successful one a site.
 * Builds run one after another in a private copy of apps/site (see support/site-copy.ts), so
 * they never share Astro's in-project state with the builds of other test files.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readText, siteRoot } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';

const corpusDir = path.join(siteRoot, '../../content/test/bad-input');

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-bad-input-'));
let siteCopy: string;
beforeAll(async () => {
  siteCopy = await createSiteCopy(path.join(workDir, 'repository'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

interface BuildExpectation {
  siteBuildExitCode: number;
  /** Printed lines, the file in each relative to `contentRoot`. */
  lines: string[];
  contentRoot: string;
}

/**
 * Builds `contentDir` into fresh directories and checks the exit code, lines and output;
 * returns the output directory.
 */
async function expectBuild(
  name: string,
  contentDir: string,
  expected: BuildExpectation,
): Promise<string> {
  const outDir = path.join(workDir, name, 'dist');
  const result = await buildSite({
    contentDir,
    outDir,
    cacheDir: path.join(workDir, name, 'cache'),
    siteDir: siteCopy,
  });

  expect(result.exitCode, result.output).toBe(expected.siteBuildExitCode);
  // Diagnostics name files relative to where the build runs.
  const prefix = path.relative(siteCopy, expected.contentRoot).split(path.sep).join('/');
  const printed = result.output.split('\n');
  for (const line of expected.lines) {
    expect(
      printed.some((candidate) => candidate.endsWith(`${prefix}/${line}`)),
      line,
    ).toBe(true);
  }
  const html = existsSync(outDir)
    ? (await listFiles(outDir)).filter((file) => file.endsWith('.html'))
    : [];
  if (expected.siteBuildExitCode === 0) expect(html).toContain('index.html');
  else expect(html).toEqual([]);
  return outDir;
}

/** The corpus's expectations, as content/test/bad-input.test.ts writes them. */
const corpusExpectedSchema = z.object({
  siteBuildExitCode: z.number().int(),
  diagnostics: z.array(
    z.object({
      /** Relative to the folder holding the case's `content/`. */
      file: z.string(),
      line: z.number().int(),
      column: z.number().int(),
      severity: z.enum(['error', 'warning']),
      ruleId: z.string(),
      message: z.string(),
    }),
  ),
  /** Fields that must come out exactly as written, by kind and id. */
  data: z
    .object({ digests: z.record(z.string(), z.object({ title: z.string() }).partial()) })
    .partial()
    .optional(),
});

/**
 * A sample, not every case (each is a full build, slow on two cores): errors in several files,
 * raw HTML with scripts and handlers, entity-encoded javascript: URLs, a YAML alias bomb, only
 * warnings (so a site is built), and titles with markup characters, scripts and emoji.
 */
const corpusSample = [
  'many-errors-many-files',
  'raw-html',
  'unsafe-url-entities',
  'yaml-alias-bomb',
  'warnings-only',
  'unicode-titles',
  // Read as bytes by the loader: invalid UTF-8 fails the build as it fails `pnpm check`.
  'encoding-invalid',
];

describe('the site build on a sample of the bad-input corpus', () => {
  for (const caseName of corpusSample) {
    it(caseName, async () => {
      const expected = corpusExpectedSchema.parse(
        JSON.parse(await readFile(path.join(corpusDir, caseName, 'expected.json'), 'utf8')),
      );
      // As the corpus test assembles a case: the shared base, then the case's own files over it.
      const contentRoot = path.join(workDir, 'corpus', caseName);
      const contentDir = path.join(contentRoot, 'content');
      await cp(path.join(corpusDir, '_base'), contentDir, { recursive: true });
      await cp(path.join(corpusDir, caseName), contentDir, {
        recursive: true,
        filter: (source) => path.basename(source) !== 'expected.json',
      });
      const outDir = await expectBuild(`corpus-${caseName}`, contentDir, {
        siteBuildExitCode: expected.siteBuildExitCode,
        lines: expected.diagnostics.map(
          ({ file, line, column, severity, message, ruleId }) =>
            `${file}:${line}:${column}  ${severity}  ${message}  ${ruleId}`,
        ),
        contentRoot,
      });
      // Titles the corpus says must survive exactly also survive the site's feed.
      const titles = Object.values(expected.data?.digests ?? {}).flatMap(({ title }) =>
        title === undefined ? [] : [title],
      );
      if (titles.length > 0) {
        const feed = parseFeed(await readText(outDir, 'rss.xml'));
        expect(feed.items.map((item) => item.title)).toEqual(expect.arrayContaining(titles));
      }
    });
  }
});
