/**
 * `pnpm build` gives Turbo a fingerprint of an external CONTENT_DIR (scripts/turbo-build.ts), so
 * that an edited digest is a cache miss: the fingerprint must change with every file the site
 * reads and with nothing else. Without one, a Turbo build refuses to run. That Turbo then really
 * rebuilds after an edit is checked end to end by packages/bench's quick-mode test.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contentFingerprint,
  contentFingerprintVariable,
  withContentFingerprint,
} from '../scripts/content-fingerprint.ts';
import { buildSite, fixtureContentDir } from './support/site-build.ts';

const workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-fingerprint-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

const contentDir = path.join(workDir, 'content');
const digest = path.join(contentDir, 'digests/2025-06-14-fourth-exchange.md');
const original = await contentFingerprint(fixtureContentDir);

beforeEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
  await cp(fixtureContentDir, contentDir, { recursive: true });
});

describe('contentFingerprint', () => {
  it('depends on the files, not on where the directory is', async () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentFingerprint(contentDir)).toBe(original);
  });

  it('changes when a digest is edited, and comes back when the edit is undone', async () => {
    await cp(digest, `${digest}.bak`);
    await appendFile(digest, '\nA sentence added by an editor.\n');
    expect(await contentFingerprint(contentDir)).not.toBe(original);
    await rename(`${digest}.bak`, digest);
    expect(await contentFingerprint(contentDir)).toBe(original);
  });

  it('changes when an entry is added to any folder the site reads, or renamed', async () => {
    await writeFile(path.join(contentDir, 'sources/new-source.md'), 'archived\n');
    const added = await contentFingerprint(contentDir);
    expect(added).not.toBe(original);
    await rename(
      path.join(contentDir, 'sources/new-source.md'),
      path.join(contentDir, 'sources/renamed-source.md'),
    );
    expect(await contentFingerprint(contentDir)).not.toBe(added);
  });

  it('ignores files the site does not read', async () => {
    await writeFile(path.join(contentDir, 'README.md'), '# Notes for editors\n');
    await writeFile(path.join(contentDir, 'digests/draft-notes.txt'), 'not Markdown\n');
    expect(await contentFingerprint(contentDir)).toBe(original);
  });

  it('rejects a directory that holds no content', async () => {
    await expect(contentFingerprint(workDir + '/nowhere')).rejects.toThrow(
      /is not a content directory/,
    );
  });
});

describe('withContentFingerprint', () => {
  it('resolves a relative CONTENT_DIR from where pnpm was run and adds the fingerprint', async () => {
    const environment = await withContentFingerprint({
      CONTENT_DIR: 'content',
      INIT_CWD: workDir,
      SITE_URL: 'https://example.test/',
    });
    expect(environment).toEqual({
      CONTENT_DIR: contentDir,
      INIT_CWD: workDir,
      SITE_URL: 'https://example.test/',
      [contentFingerprintVariable]: original,
    });
  });

  it('leaves the environment alone without a CONTENT_DIR (Turbo hashes content/ itself)', async () => {
    const environment = { SITE_URL: 'https://example.test/' };
    expect(await withContentFingerprint(environment)).toEqual(environment);
  });
});

describe('a Turbo build with CONTENT_DIR but no fingerprint', () => {
  it('fails before building, and says to run pnpm build', async () => {
    const outDir = path.join(workDir, 'dist');
    const result = await buildSite({
      contentDir,
      outDir,
      cacheDir: path.join(workDir, 'cache'),
      // What Turbo sets for the task it runs, and what pnpm sets for the script.
      env: { TURBO_HASH: '0123456789abcdef', npm_lifecycle_event: 'build' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(`${contentFingerprintVariable} is not`);
    expect(result.output).toContain('`pnpm build`');
    expect(existsSync(outDir)).toBe(false);
  });
});
