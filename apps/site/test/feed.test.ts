/**
 * The RSS feeds read back with a real feed parser.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { getVerdict, loadContent, type Digest } from '@fact-digest/parser';
import { fileExists, fileForUrl } from './support/built-site.ts';
import { fixtureContentDir, readText, testSiteUrl } from './support/site-build.ts';

const distDir = inject('distDir');
let published: Digest[];

beforeAll(async () => {
  const content = await loadContent(fixtureContentDir);
  published = content.digests.filter((digest) => digest.status === 'published');
});

describe('/rss.xml', () => {
  it('has one item per published digest, newest first, each linking to a built page', async () => {
    const feed = parseFeed(await readText(distDir, 'rss.xml'));
    expect(feed.items).toHaveLength(published.length);
    const newestFirst = [...published].sort(
      (a, b) => Date.parse(b.published) - Date.parse(a.published),
    );
    expect(feed.items.map((item) => item.url)).toEqual(
      newestFirst.map((digest) => `${testSiteUrl}digests/${digest.id}/`),
    );
    for (const item of feed.items) {
      const file = fileForUrl(new URL(item.url ?? ''));
      expect(file && fileExists(distDir, file), item.url ?? '').toBe(true);
    }
  });

  it('round-trips titles with &, <, quotes, Cyrillic and emoji, and the conclusion', async () => {
    const feed = parseFeed(await readText(distDir, 'rss.xml'));
    for (const digest of published) {
      const item = feed.items.find((candidate) => candidate.url?.endsWith(`/${digest.id}/`));
      expect(item?.title).toBe(digest.title);
      expect(item?.description).toBe(digest.conclusion);
    }
    const titles = feed.items.map((item) => item.title);
    expect(titles).toContain('Prisoner exchange: "1,000 for 1,000" & the count <disputed>');
    expect(titles).toContain('Четвертий обмін 🇺🇦 — a "fourth exchange" in one week?');
  });

  it('carries the full digest HTML with absolute links, and its corrections', async () => {
    const feed = parseFeed(await readText(distDir, 'rss.xml'));
    const item = feed.items.find((candidate) =>
      candidate.url?.endsWith('/digests/2025-06-14-fourth-exchange/'),
    );
    const html = item?.content ?? '';
    expect(html).toContain('<blockquote class="claim-quote">');
    expect(html).toContain('Ми повертаємо всіх');
    expect(html).toContain(
      `href="${testSiteUrl}digests/2025-06-12-prisoner-exchange/#claim-release-count"`,
    );
    expect(html).not.toMatch(/href="\//);
    const corrected = feed.items.find((candidate) =>
      candidate.url?.endsWith('/digests/2025-06-12-prisoner-exchange/'),
    );
    expect(corrected?.content).toContain('An earlier version said the exchange took two days');
  });

  it('categorises items by verdict, tag and entity', async () => {
    const feed = parseFeed(await readText(distDir, 'rss.xml'));
    const item = feed.items.find((candidate) =>
      candidate.url?.endsWith('/digests/2025-06-14-fourth-exchange/'),
    );
    const labels = item?.categories.map((category) => category.label) ?? [];
    expect(labels).toEqual(
      expect.arrayContaining([
        getVerdict('unsupported').label,
        getVerdict('mostly-accurate').label,
        'prisoner-exchange',
        'Volodymyr Zelensky',
      ]),
    );
  });

  it('names itself, its language and a lastBuildDate taken from the content', async () => {
    const xml = await readText(distDir, 'rss.xml');
    const feed = parseFeed(xml);
    expect(feed.self).toBe(`${testSiteUrl}rss.xml`);
    expect(feed.language).toBe('en');
    const newest = Math.max(
      ...published
        .flatMap((digest) => [digest.published, digest.updated ?? digest.published])
        .map((value) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)),
    );
    expect(xml).toContain(`<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`);
  });
});

describe('entity feeds', () => {
  it('lists the published digests that mention the entity', async () => {
    const feed = parseFeed(await readText(distDir, 'entities/volodymyr-zelensky/rss.xml'));
    expect(feed.self).toBe(`${testSiteUrl}entities/volodymyr-zelensky/rss.xml`);
    expect(feed.url).toBe(`${testSiteUrl}entities/volodymyr-zelensky/`);
    expect(feed.items.map((item) => item.url)).toContain(
      `${testSiteUrl}digests/2025-06-14-fourth-exchange/`,
    );
    expect(feed.items.every((item) => !item.url?.includes('ceasefire'))).toBe(true);
  });

  it('summarises each digest with its conclusion and leaves the full text to the site feed', async () => {
    const xml = await readText(distDir, 'entities/volodymyr-zelensky/rss.xml');
    const feed = parseFeed(xml);
    const item = feed.items.find((candidate) =>
      candidate.url?.endsWith('/digests/2025-06-14-fourth-exchange/'),
    );
    const digest = published.find((candidate) => candidate.id === '2025-06-14-fourth-exchange');
    expect(item?.title).toBe(digest?.title);
    expect(item?.description).toBe(digest?.conclusion);
    expect(item?.categories.map((category) => category.label)).toContain('Volodymyr Zelensky');
    expect(xml).not.toContain('<content:encoded>');
    expect(item?.content).toBeNull();
  });
});
