/**
 * Two builds of the same content from clean state give the same bytes in every file (no clock
 * time, no random ids, nothing from the build machine's paths), and a rebuild reuses every
 * cached parse instead of parsing the files again, and still writes the same bytes.
 * See support/global-setup.ts for how the builds are kept apart.
 */
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from './support/site-build.ts';
import { siteDifferences as differences } from './support/site-differences.ts';

describe('building the same content twice from clean state', () => {
  it('shares no parse cache between the two builds', () => {
    for (const output of [inject('firstBuildOutput'), inject('secondCleanBuildOutput')]) {
      expect(output).toMatch(/Read 12 files from .*: parsed 12, reused 0 unchanged\./);
    }
    expect(inject('secondCleanDistDir')).not.toBe(inject('distDir'));
  });

  it('writes byte-identical files, every one of them', async () => {
    const files = await listFiles(inject('distDir'));
    // Pages, feeds, sitemap, assets and the Pagefind index are all compared.
    expect(files.length).toBeGreaterThan(40);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'rss.xml',
        'sitemap-index.xml',
        'pagefind/manifest.json',
        'pagefind/2025/pagefind.js',
      ]),
    );
    expect(await differences(inject('distDir'), inject('secondCleanDistDir'))).toEqual([]);
  });
});

describe('rebuilding on top of the first build', () => {
  it('parses no file again', () => {
    expect(inject('rebuildOutput')).toMatch(
      /Read 12 files from .*: parsed 0, reused 12 unchanged\./,
    );
  });

  it('writes the same bytes as the clean build', async () => {
    expect(await differences(inject('distDir'), inject('rebuiltDistDir'))).toEqual([]);
  });
});
