/**
 * The long lists in pages: the digest list and the source list at `/digests/`,
 * `/digests/page/2/`, …, and the timeline a page per month. A real build of the fixture content
 * (June 2025) plus 60 digests from March to May 2025, one of them named `2.md` (the digest
 * `/digests/2/`, beside the list's second page), citing 120 archived sources between them.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { archivedSourceText, contentHash } from '@fact-digest/parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestsPerPage } from '../src/lib/digest-card.ts';
import { pagesOf } from '../src/lib/list-pages.ts';
import { sourcesPerPage } from '../src/lib/source-list.ts';
import { builtPages, textOf } from './support/built-site.ts';
import { generatedDigest } from './support/generated-digest.ts';
import { buildSite, fixtureContentDir } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';

/**
 * Added digests per month, March to May 2025; each is an event, makes one claim and cites
 * `sourcesPerDigest` archived sources of its own (only cited sources are published).
 */
const digestsPerMonth = 20;
const addedMonths = ['2025-03', '2025-04', '2025-05'];
const sourcesPerDigest = 2;
const addedSources = digestsPerMonth * addedMonths.length * sourcesPerDigest;

let workDir: string;
let dist: string;

const day = (index: number) => String((index % 28) + 1).padStart(2, '0');
const bulletinNumber = (index: number) => String(index + 1).padStart(3, '0');

/** The `index`th digest of `month`, which is the `ordinal`th added digest. */
function addedDigest(month: string, index: number, ordinal: number): string {
  const date = `${month}-${day(index)}`;
  return generatedDigest({
    sources: Array.from({ length: sourcesPerDigest }, (_, offset) => {
      const number = bulletinNumber(ordinal * sourcesPerDigest + offset);
      return {
        id: `bulletin-${number}`,
        title: `Bulletin ${number} on convoy loads`,
        publisher: 'Convoy Monitoring Desk',
        url: `https://convoys.example/bulletins/${number}`,
        published: '2025-05-01',
      };
    }),
    title: `Convoy report ${month} number ${index + 1}`,
    date,
    conclusion: 'The load is on the manifest.',
    body: [
      `Convoy ${index + 1} was reported loaded.`,
      '',
      `:::claim{#load claimant=icrc source=icrc-statement-2025-06-16 date=${date} verdict=accurate}`,
      `> Convoy ${index + 1} of ${month} carried its load.`,
      '',
      'The manifest confirms it.',
      ':::',
      '',
    ].join('\n'),
  });
}

/** An archived source file whose content hash is that of its text. */
function archivedSource(index: number): string {
  const number = bulletinNumber(index);
  const withHash = (hash: string) =>
    [
      '---',
      `title: Bulletin ${number} on convoy loads`,
      'publisher: Convoy Monitoring Desk',
      `url: https://convoys.example/bulletins/${number}`,
      'published: 2025-05-01',
      'received: 2025-05-02',
      `contentHash: ${hash}`,
      '---',
      `Bulletin ${number}: every convoy that day carried its load.`,
      '',
    ].join('\n');
  const text = archivedSourceText({
    path: `sources/bulletin-${number}.md`,
    bytes: new TextEncoder().encode(withHash('sha256-0')),
  });
  if (text === undefined) throw new Error('the generated source has no archived text');
  return withHash(contentHash(text));
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-list-pages-'));
  const contentDir = path.join(workDir, 'content');
  await cp(fixtureContentDir, contentDir, { recursive: true });
  for (const [monthIndex, month] of addedMonths.entries()) {
    for (let index = 0; index < digestsPerMonth; index++) {
      const name =
        month === '2025-04' && index === 0 ? '2' : `${month}-${day(index)}-convoy-${index + 1}`;
      await writeFile(
        path.join(contentDir, 'digests', `${name}.md`),
        addedDigest(month, index, monthIndex * digestsPerMonth + index),
      );
    }
  }
  for (let index = 0; index < addedSources; index++) {
    const number = bulletinNumber(index);
    await writeFile(
      path.join(contentDir, 'sources', `bulletin-${number}.md`),
      archivedSource(index),
    );
  }
  dist = path.join(workDir, 'dist');
  const result = await buildSite({
    siteDir: await createSiteCopy(path.join(workDir, 'repository')),
    contentDir,
    outDir: dist,
    cacheDir: path.join(workDir, 'cache'),
  });
  if (result.exitCode !== 0) throw new Error(`The build failed:\n${result.output}`);
}, 600_000);

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

async function pageTree(urlPath: string): Promise<Root> {
  return fromHtml(await readFile(path.join(dist, urlPath, 'index.html'), 'utf8'));
}

const hrefOf = (anchor: Element) => String(anchor.properties['href']);
const flatText = (node: Element) => textOf(node).replaceAll(/\s+/gu, ' ').trim();

/** A list page's entries (the hrefs `entries` selects), pagination text, links and title. */
async function listPage(urlPath: string, entries: string) {
  const tree = await pageTree(urlPath);
  const nav = select('nav.pagination', tree);
  const link = (rel: string) => {
    const anchor = nav === undefined ? undefined : select(`a[rel~=${rel}]`, nav);
    return anchor === undefined ? undefined : hrefOf(anchor);
  };
  const position = nav === undefined ? undefined : select('p', nav);
  const title = select('title', tree);
  return {
    entries: selectAll(entries, tree).map(hrefOf),
    position: position === undefined ? undefined : flatText(position),
    previous: link('prev'),
    next: link('next'),
    title: title === undefined ? undefined : textOf(title),
  };
}

/** The built pages under `folder` that are not list pages: one per digest or source. */
async function itemPages(folder: string): Promise<string[]> {
  const pages = await builtPages(dist);
  return pages
    .map((page) => page.pathname)
    .filter(
      (pathname) =>
        pathname.startsWith(folder) &&
        pathname !== folder &&
        !pathname.startsWith(`${folder}page/`),
    )
    .sort();
}

describe('pagesOf', () => {
  it('gives an empty list one empty page, so the list has its address', () => {
    const [only, ...rest] = pagesOf('/digests/', [], 50);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ data: [], total: 0, currentPage: 1, lastPage: 1 });
    expect(only.url).toEqual({
      current: '/digests/',
      prev: undefined,
      next: undefined,
      first: undefined,
      last: undefined,
    });
  });
});

describe('the digest list', () => {
  const cards = 'ul.card-list > li > article.card h2 a';

  it('shows digestsPerPage digests a page, newest first, every digest once', async () => {
    const first = await listPage('digests', cards);
    const second = await listPage('digests/page/2', cards);
    const digests = await itemPages('/digests/');
    const total = digests.length;
    expect(total).toBeGreaterThan(digestsPerPage);
    expect(first.entries).toHaveLength(digestsPerPage);
    expect([...first.entries, ...second.entries].sort()).toEqual(digests);
    // The fixture's June digests are the newest (the one of 20 June is a draft).
    expect(first.entries[0]).toBe('/digests/2025-06-16-icrc-access/');
    expect(first).toMatchObject({
      position: `Page 1 of 2 (1–${digestsPerPage} of ${total})`,
      previous: undefined,
      next: '/digests/page/2/',
      title: 'All digests · Fact Digest',
    });
    expect(second).toMatchObject({
      position: `Page 2 of 2 (${digestsPerPage + 1}–${total} of ${total})`,
      previous: '/digests/',
      next: undefined,
      title: 'All digests, page 2 of 2 · Fact Digest',
    });
  });

  it('keeps the digest 2.md at /digests/2/, apart from the list’s second page', async () => {
    const digest = await pageTree('digests/2');
    const heading = select('h1', digest);
    expect(heading && flatText(heading)).toBe('Convoy report 2025-04 number 1');
    const listed = await listPage('digests/page/2', cards);
    expect(listed.entries.length + digestsPerPage).toBe((await itemPages('/digests/')).length);
  });
});

describe('the source list', () => {
  const entries = 'main > ul > li > a[href^="/sources/"]';

  it('shows sourcesPerPage sources a page, by title, every archived source once', async () => {
    const first = await listPage('sources', entries);
    const second = await listPage('sources/page/2', entries);
    const sources = await itemPages('/sources/');
    expect(sources.length).toBeGreaterThan(addedSources);
    expect(first.entries).toHaveLength(sourcesPerPage);
    expect([...first.entries, ...second.entries].sort()).toEqual(sources);
    expect(first.entries.slice(0, 2)).toEqual(['/sources/bulletin-001/', '/sources/bulletin-002/']);
    expect(first).toMatchObject({ previous: undefined, next: '/sources/page/2/' });
    expect(second).toMatchObject({
      previous: '/sources/',
      next: undefined,
      title: 'Archived sources, page 2 of 2 · Fact Digest',
    });
  });
});

describe('the timeline', () => {
  const months = [...addedMonths, '2025-06'];

  it('lists every month with its counts, each linking to the month’s page', async () => {
    const tree = await pageTree('timeline');
    const items = selectAll('main section li', tree).map(flatText);
    expect(items).toEqual([
      'March 2025: 20 events, 20 claims',
      'April 2025: 20 events, 20 claims',
      'May 2025: 20 events, 20 claims',
      // The fixture's three published digests.
      'June 2025: 3 events, 7 claims',
    ]);
    expect(selectAll('main section li a', tree).map(hrefOf)).toEqual(
      months.map((month) => `/timeline/${month}/`),
    );
    expect(selectAll('main h2', tree).map(flatText)).toEqual(['2025']);
  });

  it('puts every digest’s event on its month’s page once, linked to the months around it', async () => {
    const events = new Map<string, string>();
    for (const [index, month] of months.entries()) {
      const tree = await pageTree(`timeline/${month}`);
      for (const item of selectAll('main section li', tree)) {
        if (!flatText(item).startsWith('Event:')) continue;
        const anchor = select('a', item);
        if (anchor === undefined) throw new Error(`an event on ${month}'s page has no link`);
        expect(events.has(hrefOf(anchor))).toBe(false);
        events.set(hrefOf(anchor), month);
      }
      for (const heading of selectAll('main section h2 time', tree)) {
        expect(String(heading.properties['dateTime']).slice(0, 7)).toBe(month);
      }
      const link = (rel: string) => {
        const anchor = select(`main nav a[rel~=${rel}]`, tree);
        return anchor === undefined ? undefined : hrefOf(anchor);
      };
      expect(link('prev')).toBe(index === 0 ? undefined : `/timeline/${months[index - 1]}/`);
      expect(link('next')).toBe(
        index === months.length - 1 ? undefined : `/timeline/${months[index + 1]}/`,
      );
    }
    expect([...events.keys()].sort()).toEqual(await itemPages('/digests/'));
    expect(events.get('/digests/2/')).toBe('2025-04');
  });

  it('charts only the month’s own days', async () => {
    const tree = await pageTree('timeline/2025-06');
    const description = select('svg.chart desc', tree);
    expect(description && flatText(description)).toBe(
      '2025-06-12: 1 events, 3 claims. 2025-06-14: 1 events, 2 claims. 2025-06-16: 1 events, 2 claims.',
    );
  });
});
