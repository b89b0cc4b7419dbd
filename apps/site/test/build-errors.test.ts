/**
 * Content with an error does not become a site: the build fails and prints every diagnostic as
 * `file:line:col  error  message  rule-id`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, siteRoot } from './support/site-build.ts';

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-site-error-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('a build from content with an unknown verdict', () => {
  it('fails and prints the diagnostic with its position and rule id', async () => {
    const result = await buildSite({
      contentDir: path.join(siteRoot, 'test/fixtures/content-with-error'),
      outDir: path.join(workDir, 'dist'),
      cacheDir: path.join(workDir, 'cache'),
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(
      /test\/fixtures\/content-with-error\/digests\/2025-06-14-unknown-verdict\.md:15:\d+ {2}error {2}.*fabricated.* {2}claim-verdict-unknown/,
    );
  });
});
