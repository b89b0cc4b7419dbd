/**
 * The claim lists in pages of `claimsPerPage`: every claim on exactly one page, in order, with
 * links between the pages. A real build of the fixture content plus 20 digests of three claims
 * each, all rated "accurate", so both the list of all claims and the accurate list run to a
 * second page; the fixture's one pending claim is rated too, so "pending" has none.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsPerPage } from '../src/lib/claim-list-items.ts';
import { textOf } from './support/built-site.ts';
import { generatedDigest } from './support/generated-digest.ts';
import { buildSite, fixtureContentDir } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';

const addedDigests = 20;
const claimsPerDigest = 3;

let workDir: string;
let dist: string;

function digestWithClaims(index: number): string {
  const day = String(index + 1).padStart(2, '0');
  const claims = Array.from({ length: claimsPerDigest }, (_, claim) => [
    `:::claim{#count-${claim + 1} claimant=icrc source=icrc-statement-2025-06-16 date=2025-05-${day} verdict=accurate}`,
    `> Convoy ${index + 1} carried load number ${claim + 1}.`,
    '',
    'The manifest confirms it.',
    ':::',
    '',
  ]);
  return generatedDigest({
    title: `Convoy report ${index + 1}`,
    date: `2025-05-${day}`,
    conclusion: 'Each load is on the manifest.',
    body: [`Convoy ${index + 1} was reported loaded three times.`, '', ...claims.flat()].join('\n'),
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-claim-pages-'));
  const contentDir = path.join(workDir, 'content');
  await cp(fixtureContentDir, contentDir, { recursive: true });
  const withPending = path.join(contentDir, 'digests', '2025-06-12-prisoner-exchange.md');
  const text = await readFile(withPending, 'utf8');
  if (!text.includes('verdict=pending}')) throw new Error(`${withPending} has no pending claim`);
  await writeFile(withPending, text.replace('verdict=pending}', 'verdict=unsupported}'));
  for (let index = 0; index < addedDigests; index++) {
    const day = String(index + 1).padStart(2, '0');
    await writeFile(
      path.join(contentDir, 'digests', `2025-05-${day}-convoy-report.md`),
      digestWithClaims(index),
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

/** A list page's claim permalinks, its pagination text and its previous and next links. */
async function listPage(urlPath: string) {
  const tree = fromHtml(await readFile(path.join(dist, urlPath, 'index.html'), 'utf8'));
  const nav = select('nav.pagination', tree);
  const link = (rel: string) => {
    const anchor = nav === undefined ? undefined : select(`a[rel~=${rel}]`, nav);
    return anchor === undefined ? undefined : String(anchor.properties['href']);
  };
  const position = nav === undefined ? undefined : select('p', nav);
  const titleElement = select('title', tree);
  return {
    claims: selectAll('ul.card-list > li.card p.meta a[href*="#claim-"]', tree).map((anchor) =>
      String(anchor.properties['href']),
    ),
    position: position === undefined ? undefined : textOf(position).replaceAll(/\s+/gu, ' ').trim(),
    previous: link('prev'),
    next: link('next'),
    title: titleElement === undefined ? undefined : textOf(titleElement),
  };
}

describe('the list of all claims', () => {
  it('shows claimsPerPage claims a page, every claim once, with links between the pages', async () => {
    const first = await listPage('claims');
    const second = await listPage('claims/2');
    const total = first.claims.length + second.claims.length;
    expect(total).toBeGreaterThan(addedDigests * claimsPerDigest);
    expect(first.claims).toHaveLength(claimsPerPage);
    expect(new Set([...first.claims, ...second.claims]).size).toBe(total);
    expect(first).toMatchObject({
      position: `Page 1 of 2 (1–${claimsPerPage} of ${total})`,
      previous: undefined,
      next: '/claims/2/',
      title: 'Claims · Fact Digest',
    });
    expect(second).toMatchObject({
      position: `Page 2 of 2 (${claimsPerPage + 1}–${total} of ${total})`,
      previous: '/claims/',
      next: undefined,
      title: 'Claims, page 2 of 2 · Fact Digest',
    });
  });
});

describe('the claims of one verdict', () => {
  it('runs to a second page when the verdict has more than claimsPerPage claims', async () => {
    const first = await listPage('claims/accurate');
    const second = await listPage('claims/accurate/2');
    expect(first.claims).toHaveLength(claimsPerPage);
    expect(first.claims.length + second.claims.length).toBeGreaterThanOrEqual(
      addedDigests * claimsPerDigest,
    );
    expect(first.next).toBe('/claims/accurate/2/');
    expect(second.previous).toBe('/claims/accurate/');
  });

  it('has one page, without page links, for a verdict with no claims', async () => {
    const pending = await listPage('claims/pending');
    expect(pending).toMatchObject({ claims: [], position: undefined, next: undefined });
    const html = await readFile(path.join(dist, 'claims/pending/index.html'), 'utf8');
    expect(html).toContain('No claims are rated Pending.');
  });
});
