/**
 * The search index in bundles of one publication year (scripts/build-search-index.ts), over a
 * site whose digests span three years: the fixture content plus test/fixtures/search-archive
 * and 21 small 2023 digests written here. Real builds, and search in Debian's Chromium over
 * HTTP: one query finds digests of every year, ranked together; a rebuild after one digest was
 * edited rebuilds only its year's bundle and writes the bytes a clean build writes.
 */
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchManifest } from '../../scripts/build-search-index.ts';
import { searchBundleLines } from '../support/search-bundle-lines.ts';
import { buildSite, fixtureContentDir, siteRoot, type BuildResult } from '../support/site-build.ts';
import { createSiteCopy } from '../support/site-copy.ts';
import { generatedDigest } from '../support/generated-digest.ts';
import { siteDifferences } from '../support/site-differences.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const archiveDigests = path.join(siteRoot, 'test/fixtures/search-archive/digests');
const editedDigest = '2024-03-05-grain-corridor.md';
const harvestDigests = 21;

let workDir: string;
let firstDist: string;
let firstBuild: BuildResult;
let rebuild: BuildResult;
let rebuiltDist: string;
let cleanDist: string;
let server: StaticServer;
let browser: Browser;

function harvestDigest(index: number): string {
  const day = String(index + 1).padStart(2, '0');
  return generatedDigest({
    title: `Harvest report number ${index + 1}`,
    date: `2023-09-${day}`,
    conclusion: 'The harvest figures are the ministry’s own.',
    body: `Region ${index + 1} reported its harvest; nothing here was checked against a second source.\n`,
  });
}

async function build(siteDir: string, contentDir: string, outDir: string, cacheDir: string) {
  const result = await buildSite({ siteDir, contentDir, outDir, cacheDir });
  if (result.exitCode !== 0) throw new Error(`Build into ${outDir} failed:\n${result.output}`);
  return result;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-search-'));
  const contentDir = path.join(workDir, 'content');
  await cp(fixtureContentDir, contentDir, { recursive: true });
  for (const file of await readdir(archiveDigests)) {
    await cp(path.join(archiveDigests, file), path.join(contentDir, 'digests', file));
  }
  for (let index = 0; index < harvestDigests; index++) {
    const file = `2023-09-${String(index + 1).padStart(2, '0')}-harvest-report.md`;
    await writeFile(path.join(contentDir, 'digests', file), harvestDigest(index));
  }

  const site = await createSiteCopy(path.join(workDir, 'repository'));
  const outDir = path.join(workDir, 'dist');
  const cacheDir = path.join(workDir, 'cache');
  firstBuild = await build(site, contentDir, outDir, cacheDir);
  firstDist = path.join(workDir, 'dist-first');
  await rename(outDir, firstDist);

  // One 2024 digest edited, then the same build again, and the edited content from clean state.
  const edited = path.join(contentDir, 'digests', editedDigest);
  await writeFile(
    edited,
    (await readFile(edited, 'utf8')).replace(
      'The word OBOLONARCHIVE',
      'Kherson grain silos were not counted. The word OBOLONARCHIVE',
    ),
  );
  rebuild = await build(site, contentDir, outDir, cacheDir);
  rebuiltDist = outDir;
  const cleanSite = await createSiteCopy(path.join(workDir, 'clean-repository'));
  cleanDist = path.join(workDir, 'clean-dist');
  await build(cleanSite, contentDir, cleanDist, path.join(workDir, 'clean-cache'));

  server = await serveStatic(firstDist);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

describe('search bundles by publication year', () => {
  it('builds one bundle per year with published digests, newest first, and no drafts', async () => {
    expect(searchBundleLines(firstBuild.output)).toEqual([
      'Search bundle 2025: built (4 digest pages)',
      'Search bundle 2024: built (1 digest page)',
      `Search bundle 2023: built (${harvestDigests} digest pages)`,
    ]);
    const manifest = JSON.parse(
      await readFile(path.join(firstDist, 'pagefind/manifest.json'), 'utf8'),
    ) as SearchManifest;
    // The 2021 draft makes no bundle; the 2025 draft is not among 2025's four pages.
    // Each with its key, by which the next build may move it (build-search-index.ts).
    const key = expect.stringMatching(/^[0-9a-f]{64}$/u) as string;
    expect(manifest).toEqual({
      bundles: [
        { name: '2025', path: '/pagefind/2025/', pages: 4, key },
        { name: '2024', path: '/pagefind/2024/', pages: 1, key },
        { name: '2023', path: '/pagefind/2023/', pages: harvestDigests, key },
      ],
    });
    expect(new Set(manifest.bundles.map((bundle) => bundle.key)).size).toBe(3);
    expect((await readdir(path.join(firstDist, 'pagefind'))).sort()).toEqual([
      '2023',
      '2024',
      '2025',
      'manifest.json',
    ]);
  });

  it('rebuilds only the edited digest’s year, and writes what a clean build writes', async () => {
    expect(searchBundleLines(rebuild.output)).toEqual([
      'Search bundle 2025: reused (4 digest pages)',
      'Search bundle 2024: built (1 digest page)',
      `Search bundle 2023: reused (${harvestDigests} digest pages)`,
    ]);
    expect(await siteDifferences(rebuiltDist, cleanDist)).toEqual([]);
    // The edit did change the 2024 bundle, so the comparison above covers a rebuilt bundle.
    expect(
      await siteDifferences(
        path.join(firstDist, 'pagefind/2024'),
        path.join(rebuiltDist, 'pagefind/2024'),
      ),
    ).not.toEqual([]);
  });
});

describe('searching every year in Chromium', () => {
  async function search(query: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    const status = page.locator('#search-status');
    // A wait limit, not a timing check: loading and searching three bundles on a busy machine
    // can take longer than expect.poll's default second.
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .not.toMatch(/^(Searching…)?$/);
    const links = await page
      .locator('#search-results h2 a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    const result = { status: await status.textContent(), links, problems };
    await context.close();
    return result;
  }

  it('finds digests of different years, each only in its own year’s bundle', async () => {
    expect(await search('OBOLONARCHIVE')).toEqual({
      status: '1 digest matches “OBOLONARCHIVE”.',
      links: ['/digests/2024-03-05-grain-corridor/'],
      problems: [],
    });
    expect(await search('PODILARCHIVE')).toEqual({
      status: '1 digest matches “PODILARCHIVE”.',
      links: ['/digests/2025-07-02-port-visit/'],
      problems: [],
    });
  });

  it('ranks matches from every bundle together, not the newest year first', async () => {
    // "grain" is all over the 2024 digest, and in one sentence of the 2025 one (in the bundle the
    // page loads first). The older digest is the best match and comes first.
    const { status, links, problems } = await search('grain');
    expect(status).toBe('2 digests match “grain”.');
    expect(links).toEqual([
      '/digests/2024-03-05-grain-corridor/',
      '/digests/2025-07-02-port-visit/',
    ]);
    expect(problems).toEqual([]);
  });

  it('does not match a digest on the titles of other digests it lists', async () => {
    // A third, 2025 digest names the 2024 one among its related digests, and says nothing of
    // grain itself: the lists of other digests are not indexed (data-pagefind-ignore).
    const fourthExchange = await readFile(
      path.join(firstDist, 'digests/2025-06-14-fourth-exchange/index.html'),
      'utf8',
    );
    expect(fourthExchange).toContain(
      '<a href="/digests/2024-03-05-grain-corridor/">Grain corridor',
    );
    expect((await search('corridor')).links).toEqual(['/digests/2024-03-05-grain-corridor/']);
  });

  it('says how many digests match and how many are shown', async () => {
    const { status, links } = await search('harvest');
    expect(status).toBe(`${harvestDigests} digests match “harvest”; showing the best 20.`);
    expect(links).toHaveLength(20);
  });

  it('says the search is unavailable when the bundle manifest cannot be loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/manifest.json', (route) => route.fulfill({ status: 404 }));
    await page.goto(`${server.origin}/search/?q=grain`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 30_000 })
      .toBe('Search is unavailable right now: its index could not be loaded.');
    await context.close();
  });

  it('finds no draft, whatever its year', async () => {
    expect((await search('DRAFTARCHIVE')).status).toBe('No digests match “DRAFTARCHIVE”.');
    expect((await search('DRAFTONLY')).status).toBe('No digests match “DRAFTONLY”.');
  });
});
