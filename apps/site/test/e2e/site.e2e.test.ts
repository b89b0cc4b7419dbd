/**
 * The built fixture site in real Chromium (Debian's /usr/bin/chromium driven by playwright-core),
 * served over HTTP from 127.0.0.1: a reader's path through digests, cross-references, backlinks,
 * entities and claim permalinks; Pagefind search under the site's CSP; axe-core on every page
 * type; screenshots of a digest page at phone and desktop widths.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { siteRoot } from '../support/site-build.ts';

const require = createRequire(import.meta.url);
const resultsDir = path.join(siteRoot, 'test-results');
let server: StaticServer;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  server = await serveStatic(inject('distDir'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that records CSP violations and script errors. */
async function openPage(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems, close: () => context.close() };
}

const url = (pathname: string) => `${server.origin}${pathname}`;
const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).hash;

describe('a reader navigating the site', () => {
  it('goes home → digest → cross-reference → backlink → entity → claim permalink', async () => {
    const { page, problems, close } = await openPage();
    await page.goto(url('/'));
    await page
      .getByRole('link', { name: 'Четвертий обмін 🇺🇦 — a "fourth exchange" in one week?' })
      .click();
    expect(pathOf(page)).toBe('/digests/2025-06-14-fourth-exchange/');

    // A cross-reference to one claim of another digest.
    await page.getByRole('link', { name: 'one agreed exchange' }).first().click();
    expect(pathOf(page)).toBe('/digests/2025-06-12-prisoner-exchange/#claim-release-count');
    await expect.poll(() => page.locator('#claim-release-count').isVisible()).toBe(true);
    expect(await page.locator(':target').getAttribute('id')).toBe('claim-release-count');

    // Its "Referenced by" list leads back to the claim that linked here.
    const backlinks = page.locator('section[aria-labelledby="backlinks-heading"]');
    await backlinks
      .getByRole('link', { name: '“marking the fourth prisoner exchange in a week”' })
      .click();
    expect(pathOf(page)).toBe('/digests/2025-06-14-fourth-exchange/#claim-fourth-exchange');

    // The claimant's entity page, then one of their claims by its permalink.
    await page
      .locator('#claim-fourth-exchange')
      .getByRole('link', { name: 'Volodymyr Zelensky' })
      .click();
    expect(pathOf(page)).toBe('/entities/volodymyr-zelensky/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Volodymyr Zelensky');
    await page
      .locator('main li')
      .filter({ hasText: 'Our people are home' })
      .getByRole('link', { name: 'Четвертий обмін 🇺🇦 — a "fourth exchange" in one week?' })
      .click();
    expect(pathOf(page)).toBe('/digests/2025-06-14-fourth-exchange/#claim-people-home');
    expect(await page.locator(':target .claim-verdict').textContent()).toBe(
      'Verdict: Mostly accurate',
    );
    expect(problems).toEqual([]);
    await close();
  });

  it('finds feed autodiscovery links on pages', async () => {
    const { page, close } = await openPage();
    for (const pathname of ['/', '/digests/2025-06-14-fourth-exchange/', '/entities/icrc/']) {
      await page.goto(url(pathname));
      const feeds = await page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(feeds[0], pathname).toBe('https://digest.test.example/rss.xml');
    }
    const response = await page.goto(url('/rss.xml'));
    expect(response?.status()).toBe(200);
    await close();
  });
});

describe('search', () => {
  it('finds a digest by a word from its text with Pagefind, under the site CSP', async () => {
    const { page, problems, close } = await openPage();
    await page.goto(url('/search/'));
    await page.getByLabel('Words to find in the digests').fill('promise');
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.locator('#search-results a');
    await expect.poll(() => result.count()).toBeGreaterThan(0);
    expect(await result.first().getAttribute('href')).toBe('/digests/2025-06-14-fourth-exchange/');
    // Only the fourth-exchange digest uses the word.
    expect(await result.count()).toBe(1);
    expect(await page.locator('#search-status').textContent()).toBe('1 digest matches “promise”.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('promise');
    // Pagefind's WebAssembly and fragment fetches ran without a CSP violation or error.
    expect(problems).toEqual([]);
    await close();
  });

  it('runs the search in the address (?q=) and never finds drafts', async () => {
    const { page, close } = await openPage();
    await page.goto(url('/search/?q=DRAFTONLY'));
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('No digests match “DRAFTONLY”.');
    await close();
  });
});

describe('accessibility (axe-core)', () => {
  const pageTypes = [
    '/',
    '/digests/',
    '/digests/2025-06-12-prisoner-exchange/',
    '/claims/',
    '/claims/needs-context/',
    '/entities/',
    '/entities/volodymyr-zelensky/',
    '/timeline/',
    '/timeline/2025-06/',
    '/tags/',
    '/tags/prisoner-exchange/',
    '/sources/',
    '/sources/kyiv-independent-2025-06-14/',
    '/methodology/',
    '/corrections/',
    '/about/',
    '/search/?q=exchange',
    '/no-such-page/',
  ];

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reports no violations on any page type (${colorScheme} scheme)`, async () => {
      const { page, close } = await openPage({ colorScheme });
      const violations: string[] = [];
      for (const pathname of pageTypes) {
        await page.goto(url(pathname));
        if (pathname.startsWith('/search/')) {
          await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
        }
        // Evaluated through the DevTools protocol, so the page's CSP does not block it.
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
          const { violations, passes } = await axe.run();
          return {
            passed: passes.length,
            violations: violations.map(
              (violation) =>
                `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
            ),
          };
        });
        // axe really ran its rules on the page (contrast, landmarks, names, …).
        expect(result.passed, pathname).toBeGreaterThan(10);
        violations.push(...result.violations.map((line) => `${pathname} ${line}`));
      }
      expect(violations).toEqual([]);
      await close();
    });
  }
});

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

describe('responsive digest page', () => {
  it('fits phone and desktop widths without horizontal scrolling (screenshots saved)', async () => {
    for (const width of [390, 1280]) {
      const { page, close } = await openPage({ width });
      await page.goto(url('/digests/2025-06-12-prisoner-exchange/'));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(resultsDir, `digest-${width}px.png`),
        fullPage: true,
      });
      await close();
    }
  });

  it('prints as a document: no site navigation, claims kept, outbound URLs written out', async () => {
    const { page, close } = await openPage();
    await page.goto(url('/digests/2025-06-14-fourth-exchange/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('#claim-fourth-exchange').isVisible()).toBe(true);
    const after = await page
      .locator('main a[href^="http"]')
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toContain('https://');
    await close();
  });
});
