/**
 * The previous site's unchanged pages are moved into the new build's staging directory only when
 * the cache's manifest describes that very site, and pages the content lost are removed after.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetBuiltSite,
  keepUnchangedPages,
  recordBuiltSite,
  removeUnbuiltPages,
  siteIdentity,
} from '../scripts/cached-pages.ts';

let root: string;
let cacheDir: string;
let outDir: string;
let previousSite: string;
let stagingDir: string;

/** A manifest listing the pages, as Astro's incremental build writes it. */
async function writeManifest(pages: string[]): Promise<void> {
  const paths = Object.fromEntries(
    pages.map((page) => [`/${path.dirname(page)}/`, { cacheKey: 'key', outputFile: page }]),
  );
  await writeFile(
    path.join(cacheDir, 'incremental-build.json'),
    JSON.stringify({ version: 1, routes: { 'src/pages/digests/[id].astro': { paths } } }),
  );
}

async function writeSite(dir: string, pages: string[]): Promise<void> {
  for (const page of pages) {
    await mkdir(path.dirname(path.join(dir, page)), { recursive: true });
    await writeFile(path.join(dir, page), `<p>${page}</p>`);
  }
}

const pages = ['digests/a/index.html', 'digests/b/index.html'];

/** Keeps the previous site's pages for a build into `outDir`, as build-site.ts does. */
const keep = (previousIdentity: ReturnType<typeof siteIdentity>) =>
  keepUnchangedPages({ cacheDir, outDir, previousSite, previousIdentity, stagingDir });

/** Builds `pages` into `outDir`, records it, and moves it aside as build-site.ts does. */
async function builtAndMovedAside(): Promise<ReturnType<typeof siteIdentity>> {
  await writeSite(outDir, pages);
  await writeManifest(pages);
  await recordBuiltSite(cacheDir, outDir);
  const identity = siteIdentity(outDir);
  await rename(outDir, previousSite);
  return identity;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cached-pages-'));
  cacheDir = path.join(root, 'cache');
  outDir = path.join(root, 'dist');
  previousSite = `${outDir}.previous`;
  stagingDir = `${outDir}.staging`;
  await mkdir(cacheDir);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('keepUnchangedPages', () => {
  it('moves the pages of the site the manifest describes into the staging directory', async () => {
    const previousIdentity = await builtAndMovedAside();
    const kept = keep(previousIdentity);
    expect(kept.files.sort()).toEqual(pages);
    expect(kept.previousSiteMatched).toBe(true);
    expect(await readFile(path.join(stagingDir, 'digests/a/index.html'), 'utf8')).toBe(
      '<p>digests/a/index.html</p>',
    );
    expect(await readdir(path.join(previousSite, 'digests/a'))).toEqual([]);
  });

  it('keeps nothing from a site put in place of the one the manifest describes', async () => {
    await builtAndMovedAside();
    // Another build's site, in the same place.
    await rm(previousSite, { recursive: true });
    await writeSite(outDir, pages);
    const identity = siteIdentity(outDir);
    await rename(outDir, previousSite);
    const kept = keep(identity);
    expect(kept).toMatchObject({ files: [], previousSiteMatched: false });
  });

  it('keeps nothing once the manifest has changed since, or the record was forgotten', async () => {
    const previousIdentity = await builtAndMovedAside();
    await writeManifest([...pages, 'digests/c/index.html']);
    expect(keep(previousIdentity)).toMatchObject({ files: [], previousSiteMatched: false });
    await writeManifest(pages);
    forgetBuiltSite(cacheDir);
    expect(keep(previousIdentity)).toMatchObject({ files: [], previousSiteMatched: false });
  });

  it('keeps nothing for another output directory', async () => {
    const previousIdentity = await builtAndMovedAside();
    const kept = keepUnchangedPages({
      cacheDir,
      outDir: path.join(root, 'elsewhere'),
      previousSite,
      previousIdentity,
      stagingDir,
    });
    expect(kept).toMatchObject({ files: [], previousSiteMatched: false });
  });
});

describe('removeUnbuiltPages', () => {
  it('removes kept pages the new build neither lists nor wrote, with their empty folders', async () => {
    const previousIdentity = await builtAndMovedAside();
    const kept = keep(previousIdentity);
    // The new build: digest a is kept, b is gone from the content, and c is new.
    await writeManifest(['digests/a/index.html', 'digests/c/index.html']);
    await writeSite(stagingDir, ['digests/c/index.html']);
    expect(removeUnbuiltPages(kept, cacheDir, stagingDir)).toBe(1);
    expect((await readdir(path.join(stagingDir, 'digests'))).sort()).toEqual(['a', 'c']);
  });

  it('leaves a kept page this build wrote again, though no route keys it any more', async () => {
    const previousIdentity = await builtAndMovedAside();
    const kept = keep(previousIdentity);
    await writeManifest(['digests/a/index.html']);
    // Astro renders seconds after the pages are kept; file times can lag the clock by a tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(path.join(stagingDir, 'digests/b/index.html'), '<p>rendered again</p>');
    expect(removeUnbuiltPages(kept, cacheDir, stagingDir)).toBe(0);
    expect(await readFile(path.join(stagingDir, 'digests/b/index.html'), 'utf8')).toBe(
      '<p>rendered again</p>',
    );
  });
});
