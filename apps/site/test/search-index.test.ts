/**
 * scripts/build-search-index.ts on its own: reading a page's publication time from its head,
 * grouping pages into bundles, reusing cached bundles, and refusing a digest page whose year it
 * cannot tell. The step runs as the build runs it (its CLI, real Pagefind) over copies of the
 * fixture site that support/global-setup.ts built.
 */
import { spawn } from 'node:child_process';
import {
  access,
  cp,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  buildSearchBundlesAhead,
  buildSearchIndex,
  groupIntoBundles,
  publishedTimeOf,
} from '../scripts/build-search-index.ts';
import { siteRoot } from './support/site-build.ts';
import { siteDifferences } from './support/site-differences.ts';

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-search-index-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The step's CLI over `site`; resolves with its exit code and output. */
function runStep(
  site: string,
  cacheDir: string,
  extraArgs: string[] = [],
): Promise<{ exitCode: number; output: string }> {
  const script = path.join(siteRoot, 'scripts/build-search-index.ts');
  const args = [script, '--site', site, '--cacheDir', cacheDir, ...extraArgs];
  const child = spawn(process.execPath, args);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** A copy of the built fixture site, to change. */
async function siteCopy(name: string): Promise<string> {
  const copy = path.join(workDir, name);
  await cp(inject('distDir'), copy, { recursive: true });
  return copy;
}

describe('publishedTimeOf', () => {
  it('reads article:published_time from the head, entities decoded', () => {
    const html =
      '<!doctype html><html><head><title>x</title>' +
      '<meta property="article:published_time" content="2024-03-05T09:00:00Z">' +
      '<meta property="article:modified_time" content="2024-04-01"></head><body></body></html>';
    expect(publishedTimeOf(html)).toBe('2024-03-05T09:00:00Z');
    expect(
      publishedTimeOf(
        '<head><meta content="2023&#45;01&#45;02" property="article:published_time">',
      ),
    ).toBe('2023-01-02');
  });

  it('stops at the end of the head: a tag in the body does not count', () => {
    const html =
      '<html><head><title>x</title></head>' +
      '<body><meta property="article:published_time" content="2024-03-05"></body></html>';
    expect(publishedTimeOf(html)).toBeUndefined();
  });
});

describe('groupIntoBundles', () => {
  const page = (published: string) => ({ published });

  it('makes one bundle per year, newest first', () => {
    const bundles = groupIntoBundles(
      [page('2023-05-01'), page('2025-01-01'), page('2023-12-31T23:00:00Z'), page('2024-02-02')],
      10,
    );
    expect([...bundles].map(([name, pages]) => [name, pages.length])).toEqual([
      ['2025', 1],
      ['2024', 1],
      ['2023', 2],
    ]);
  });

  it('splits a year above the bound into runs of whole months, newest first', () => {
    const pages = [
      ...['01', '01', '02', '03', '03', '03', '04', '07'].map((month) => page(`2025-${month}-10`)),
      page('2024-06-01'),
    ];
    const bundles = groupIntoBundles(pages, 3);
    expect([...bundles].map(([name, group]) => [name, group.length])).toEqual([
      ['2025-04-07', 2],
      ['2025-03-03', 3],
      ['2025-01-02', 3],
      ['2024', 1],
    ]);
  });
  it('splits a year into as few ranges as the bound allows, about equal in size', () => {
    const pages = Array.from({ length: 12 }, (_, month) =>
      Array.from({ length: 10 }, () => page(`2025-${String(month + 1).padStart(2, '0')}-15`)),
    ).flat();
    const bundles = groupIntoBundles(pages, 50);
    // Three ranges of four months, not two of five and one of two.
    expect([...bundles].map(([name, group]) => [name, group.length])).toEqual([
      ['2025-09-12', 40],
      ['2025-05-08', 40],
      ['2025-01-04', 40],
    ]);
  });
});

describe('the search-index step', () => {
  it('builds the fixture site’s bundle, then reuses it (unless forced) with the same bytes', async () => {
    const site = await siteCopy('reuse');
    const cacheDir = path.join(workDir, 'reuse-cache');
    const first = await runStep(site, cacheDir);
    expect(first).toEqual({ exitCode: 0, output: 'Search bundle 2025: built (3 digest pages)\n' });
    // The same bytes as the build's own run of the step (Pagefind's output is deterministic).
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);

    const second = await runStep(site, cacheDir);
    expect(second).toEqual({
      exitCode: 0,
      output: 'Search bundle 2025: reused (3 digest pages)\n',
    });
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);

    // --force (the build's --force) ignores the cache, and still writes the same bytes.
    expect(await runStep(site, cacheDir, ['--force'])).toEqual({
      exitCode: 0,
      output: 'Search bundle 2025: built (3 digest pages)\n',
    });
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);
  });

  it('moves a reused bundle from the previous site’s index when its key there matches, else copies it', async () => {
    const site = await siteCopy('move');
    const cacheDir = path.join(workDir, 'move-cache');
    expect((await runStep(site, cacheDir)).exitCode).toBe(0);
    const fragment = async (index: string) => {
      const [name] = await readdir(path.join(index, '2025/fragment'));
      return stat(path.join(index, '2025/fragment', name as string));
    };

    // As build-site.ts moves the previous site's index aside before the next build.
    const previous = path.join(workDir, 'move-previous');
    await rename(path.join(site, 'pagefind'), previous);
    const previousFragment = await fragment(previous);
    expect(await runStep(site, cacheDir, ['--previousIndex', previous])).toEqual({
      exitCode: 0,
      output: 'Search bundle 2025: reused from the previous site (3 digest pages)\n',
    });
    // The same file, moved: not a copy of the cache's.
    expect((await fragment(path.join(site, 'pagefind'))).ino).toBe(previousFragment.ino);
    expect(await exists(path.join(previous, '2025'))).toBe(false);
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);

    // A previous index whose manifest gives the bundle another key is not the bundle to reuse.
    const stale = path.join(workDir, 'move-stale');
    await rename(path.join(site, 'pagefind'), stale);
    const manifest = path.join(stale, 'manifest.json');
    const listed = JSON.parse(await readFile(manifest, 'utf8')) as {
      bundles: { key: string }[];
    };
    for (const bundle of listed.bundles) bundle.key = '0'.repeat(64);
    await writeFile(manifest, JSON.stringify(listed));
    expect(await runStep(site, cacheDir, ['--previousIndex', stale])).toEqual({
      exitCode: 0,
      output: 'Search bundle 2025: reused (3 digest pages)\n',
    });
    expect(await exists(path.join(stale, '2025'))).toBe(true);
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);
  });

  it('moves the bundles built ahead (while Astro rendered) into the site, unless their pages changed since', async () => {
    const site = await siteCopy('ahead');
    const cacheDir = path.join(workDir, 'ahead-cache');
    const ahead = path.join(workDir, 'ahead-index');
    const running = new Promise<void>(() => undefined);
    expect(await buildSearchBundlesAhead({ site, cacheDir, output: ahead, stop: running })).toEqual(
      ['2025'],
    );
    const lines: string[] = [];
    const movableIndexes = [{ path: ahead, description: 'built while Astro rendered' }];
    const log = (line: string) => lines.push(line);
    await buildSearchIndex({ site, cacheDir, movableIndexes, log });
    expect(lines).toEqual(['Search bundle 2025: built while Astro rendered (3 digest pages)']);
    expect(await exists(path.join(ahead, '2025'))).toBe(false);
    expect(
      await siteDifferences(path.join(inject('distDir'), 'pagefind'), path.join(site, 'pagefind')),
    ).toEqual([]);

    // A page that changes after the bundle was built ahead (one Astro was still writing, say):
    // the bundle built ahead is left where it is and the step builds it again.
    const changed = await siteCopy('ahead-changed');
    const changedCache = path.join(workDir, 'ahead-changed-cache');
    const changedAhead = path.join(workDir, 'ahead-changed-index');
    const force = true;
    await buildSearchBundlesAhead({
      site: changed,
      cacheDir: changedCache,
      output: changedAhead,
      stop: running,
      force,
    });
    const file = path.join(changed, 'digests/2025-06-16-icrc-access/index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('</h1>', ' zanzibarite</h1>'));
    lines.length = 0;
    await buildSearchIndex({
      site: changed,
      cacheDir: changedCache,
      force,
      movableIndexes: [{ path: changedAhead, description: 'built while Astro rendered' }],
      log,
    });
    expect(lines).toEqual(['Search bundle 2025: built (3 digest pages)']);
    expect(await exists(path.join(changedAhead, '2025'))).toBe(true);
    expect(
      await siteDifferences(
        path.join(inject('distDir'), 'pagefind'),
        path.join(changed, 'pagefind'),
      ),
    ).not.toEqual([]);
  });

  it('waits, building ahead, for a digest page Astro has not finished writing', async () => {
    const site = await siteCopy('ahead-unfinished');
    const ahead = path.join(workDir, 'ahead-unfinished-index');
    const file = path.join(site, 'digests/2025-06-14-fourth-exchange/index.html');
    const html = await readFile(file, 'utf8');
    // As Astro leaves a page it has opened, and written part of, while it renders another.
    await writeFile(file, html.slice(0, html.length / 2));
    const building = buildSearchBundlesAhead({
      site,
      cacheDir: path.join(workDir, 'ahead-unfinished-cache'),
      output: ahead,
      stop: new Promise<void>(() => undefined),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await exists(path.join(ahead, '2025'))).toBe(false);
    await writeFile(file, html);
    expect(await building).toEqual(['2025']);
    expect(
      await siteDifferences(
        path.join(inject('distDir'), 'pagefind/2025'),
        path.join(ahead, '2025'),
      ),
    ).toEqual([]);

    // Told to stop while a page is still unfinished, it builds nothing.
    await writeFile(file, '');
    const { promise: astroExited, resolve: stop } = Promise.withResolvers<undefined>();
    const stopped = buildSearchBundlesAhead({
      site,
      cacheDir: path.join(workDir, 'ahead-unfinished-cache'),
      output: ahead,
      force: true,
      stop: astroExited,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop(undefined);
    expect(await stopped).toEqual([]);
  });

  it('builds nothing ahead once told to stop (Astro has exited)', async () => {
    const site = await siteCopy('ahead-stopped');
    const ahead = path.join(workDir, 'ahead-stopped-index');
    expect(
      await buildSearchBundlesAhead({
        site,
        cacheDir: path.join(workDir, 'ahead-stopped-cache'),
        output: ahead,
        stop: Promise.resolve(),
      }),
    ).toEqual([]);
    expect(JSON.parse(await readFile(path.join(ahead, 'manifest.json'), 'utf8'))).toEqual({
      bundles: [],
    });
  });

  it('fails, naming the file, when a digest page has no published time in its head', async () => {
    const site = await siteCopy('missing-time');
    const file = path.join(site, 'digests/2025-06-14-fourth-exchange/index.html');
    const html = await readFile(file, 'utf8');
    const withoutTime = html.replace(/<meta property="article:published_time"[^>]*>/, '');
    expect(withoutTime).not.toBe(html);
    await writeFile(file, withoutTime);
    expect(await runStep(site, path.join(workDir, 'missing-time-cache'))).toEqual({
      exitCode: 1,
      output:
        `${file}: no readable <meta property="article:published_time"> in the head; ` +
        'the search index cannot tell which year the digest belongs to.\n',
    });
  });

  it('fails, naming the file and the value, when the published time is not a date', async () => {
    const site = await siteCopy('unreadable-time');
    const file = path.join(site, 'digests/2025-06-12-prisoner-exchange/index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(
      file,
      html.replace(
        /(<meta property="article:published_time" content=")[^"]*/,
        '$1the thirteenth of June',
      ),
    );
    expect(await runStep(site, path.join(workDir, 'unreadable-time-cache'))).toEqual({
      exitCode: 1,
      output:
        `${file}: no readable <meta property="article:published_time"> in the head ` +
        '(found "the thirteenth of June"); the search index cannot tell which year the digest ' +
        'belongs to.\n',
    });
  });

  it('fails, naming the year, when Pagefind leaves a digest page out of its bundle', async () => {
    const site = await siteCopy('unindexed-page');
    const file = path.join(site, 'digests/2025-06-16-icrc-access/index.html');
    const html = await readFile(file, 'utf8');
    // Pagefind skips a page without data-pagefind-body when other pages have it, silently.
    await writeFile(file, html.replace(' data-pagefind-body', ''));
    expect(await runStep(site, path.join(workDir, 'unindexed-page-cache'))).toEqual({
      exitCode: 1,
      output:
        'The 2025 search bundle indexed 2 of its 3 digest pages ' +
        '(a digest page without data-pagefind-body?).\n',
    });
  });
});
