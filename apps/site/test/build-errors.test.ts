/**
 * Content with errors does not become a site: the build (scripts/build-site.ts, what
 * `pnpm build` runs) fails, prints every diagnostic as `file:line:col  error  message  rule-id`,
 * not just the first, and leaves nothing in the output directory that could be deployed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, siteRoot } from './support/site-build.ts';

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-error-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** HTML files left in a build's output directory (none if it does not exist). */
async function htmlFilesIn(outDir: string): Promise<string[]> {
  if (!existsSync(outDir)) return [];
  return (await listFiles(outDir)).filter((file) => file.endsWith('.html'));
}

describe('a build from content with an unknown verdict', () => {
  it('fails and prints the diagnostic with its position and rule id', async () => {
    const result = await buildSite({
      contentDir: path.join(siteRoot, 'test/fixtures/content-with-error'),
      outDir: path.join(workDir, 'one-error/dist'),
      cacheDir: path.join(workDir, 'one-error/cache'),
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(
      /test\/fixtures\/content-with-error\/digests\/2025-06-14-unknown-verdict\.md:15:\d+ {2}error {2}.*fabricated.* {2}claim-verdict-unknown/,
    );
  });
});

describe('a build from content with several errors in several files', () => {
  const expectedLines = [
    'test/fixtures/content-with-errors/digests/2025-06-14-unknown-verdict.md:15:5  error  Link to `digests/2025-06-01-does-not-exist.md`, which does not exist: correct the path (it is relative to this file) or create the file.  link-missing-file',
    'test/fixtures/content-with-errors/digests/2025-06-14-unknown-verdict.md:17:106  error  Unknown verdict `fabricated`: use one of `accurate`, `mostly-accurate`, `needs-context`, `inaccurate`, `unsupported`, `not-checkable`, `pending` (the verdict scale is in content/README.md).  claim-verdict-unknown',
    'test/fixtures/content-with-errors/digests/2025-06-15-unknown-claimant.md:15:1  error  Claim `fourth-exchange`: claimant `nobody-we-know` is not in the entity registry: use the id of a file in `entities/`, or add `entities/nobody-we-know.md`.  entity-unknown',
    'test/fixtures/content-with-errors/entities/icrc.md:3:7  error  `kind` is "charity", which is invalid: it must be one of `person`, `organization`, `place`, `event`.  field-type',
  ];
  const outDir = path.join(workDir, 'several-errors/dist');

  it('fails, prints every error line, and leaves no HTML behind, not even a previous build', async () => {
    // A site from an earlier build: a failed build must not leave it (or a mix) to be deployed.
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>stale</title>');

    const result = await buildSite({
      contentDir: path.join(siteRoot, 'test/fixtures/content-with-errors'),
      outDir,
      cacheDir: path.join(workDir, 'several-errors/cache'),
    });
    expect(result.exitCode).not.toBe(0);
    const printed = result.output.split('\n');
    for (const line of expectedLines) {
      expect(
        printed.some((candidate) => candidate.endsWith(line)),
        line,
      ).toBe(true);
    }
    expect(result.output).toContain('The content has 4 errors; the site is not built');
    expect(await htmlFilesIn(outDir)).toEqual([]);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});

describe('a build pointed at a directory that holds no content', () => {
  it('fails naming the directory, instead of publishing a site without digests', async () => {
    // A mistyped CONTENT_DIR: it exists, but holds no digests/, entities/ or sources/.
    const notContent = path.join(siteRoot, 'test/fixtures');
    const outDir = path.join(workDir, 'not-content/dist');
    const result = await buildSite({
      contentDir: notContent,
      outDir,
      cacheDir: path.join(workDir, 'not-content/cache'),
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain(`${notContent} is not a content directory`);
    expect(await htmlFilesIn(outDir)).toEqual([]);
  });
});
