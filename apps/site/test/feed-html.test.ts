/**
 * The site feed's item HTML comes from each digest's feed HTML, made by the parser in phase 1
 * and stored beside the page HTML. It must be exactly what the feed had when it parsed each
 * digest's page HTML again and resolved every `href` and `src` against the digest's page: that
 * is the reference here, written with hast utilities.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkContent,
  parseContentFile,
  readContentFiles,
  type ContentFile,
  type ParsedContentFile,
} from '@fact-digest/parser';
import { digestFeedXml } from '../src/lib/digest-feed.ts';
import { feedHtml } from '../src/lib/feed-html.ts';
import { storeContentSet } from '../src/loaders/content-entry.ts';
import { readStoredText } from '../src/loaders/content-store.ts';
import { createParsePool } from '../src/loaders/parse-pool.ts';
import {
  publishedContent,
  type PublishedContent,
  type PublishedDigest,
} from '../src/loaders/published-content.ts';
import { fixtureContentDir, testSiteUrl } from './support/site-build.ts';

const pageUrlOf = (digestId: string, siteUrl = testSiteUrl) =>
  new URL(`/digests/${digestId}/`, siteUrl).href;

/** The page HTML parsed again, every `href` and `src` resolved against the page, serialised. */
function reparsedWithAbsoluteUrls(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  for (const element of selectAll('[href], [src]', tree)) {
    for (const name of ['href', 'src'] as const) {
      const value = element.properties[name];
      if (typeof value === 'string') element.properties[name] = new URL(value, pageUrl).href;
    }
  }
  return toHtml(tree);
}

let storeDir: string;
let published: PublishedContent;
const feedHtmlOf = (digest: PublishedDigest): string => {
  if (digest.feedHtmlSha256 === undefined) throw new Error(`${digest.id} has no feed HTML.`);
  return readStoredText(
    storeDir,
    { sha256: digest.feedHtmlSha256, kind: 'html' },
    digest.file,
    'feed HTML',
  );
};

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), 'feed-html-'));
  const files = await readContentFiles(fixtureContentDir);
  // As the loader parses: on a worker thread as well as this one (one file per batch), so the
  // site URL reaches both.
  const pool = createParsePool({
    siteUrl: testSiteUrl,
    workers: 1,
    minFilesForWorkers: 0,
    batchSize: 1,
  });
  let parsed: ParsedContentFile[];
  try {
    const entityFiles = files.filter((file) => file.path.startsWith('entities/'));
    const entities = await pool.parse(entityFiles, []);
    const registry = entities.flatMap((result) =>
      result.kind === 'entity' && result.entity ? [result.entity] : [],
    );
    const others = await pool.parse(
      files.filter((file) => !file.path.startsWith('entities/')),
      registry,
    );
    parsed = [...entities, ...others];
  } finally {
    await pool.close();
  }
  published = publishedContent(linkContent(parsed));
  await storeContentSet(storeDir, published, testSiteUrl);
});

afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

describe("a digest's stored feed HTML", () => {
  it('is its page HTML with every link and image resolved against its page', async () => {
    expect(published.digests.length).toBeGreaterThan(0);
    for (const digest of published.digests) {
      const pageHtml = readStoredText(
        storeDir,
        { sha256: digest.htmlSha256, kind: 'html' },
        digest.file,
        'rendered HTML',
      );
      const stored = await feedHtmlOf(digest);
      expect(stored).toBe(reparsedWithAbsoluteUrls(pageHtml, pageUrlOf(digest.id)));
      expect(stored).not.toMatch(/(?:href|src)="(?!https?:)/);
    }
    const linking = published.digests.find((digest) => digest.id === '2025-06-14-fourth-exchange');
    expect(linking && (await feedHtmlOf(linking))).toContain(
      `href="${testSiteUrl}digests/2025-06-12-prisoner-exchange/#claim-release-count"`,
    );
  });

  it('is what the site feed carries after the conclusion and corrections', async () => {
    const digests = [...published.digests].sort((a, b) => (a.published < b.published ? 1 : -1));
    const xml = await digestFeedXml(
      { title: 'Digests', description: 'All.', path: '/rss.xml', digests, items: 'full' },
      {
        entityById: new Map(published.entities.map((entity) => [entity.id, entity])),
        digestFeedHtml: feedHtmlOf,
      },
      new URL(testSiteUrl),
    );
    const items = parseFeed(xml).items;
    expect(items).toHaveLength(digests.length);
    for (const [index, digest] of digests.entries()) {
      const stored = await feedHtmlOf(digest);
      const content = items[index]?.content ?? '';
      expect(content).toBe(feedHtml(digest, stored).trim());
      expect(content.startsWith(`<p><strong>Conclusion: </strong>`)).toBe(true);
      expect(content.endsWith(stored.trim())).toBe(true);
    }
  });
});

/** A digest whose body is `body`, valid otherwise. */
const digestFile = (filePath: string, body: string): ContentFile => ({
  path: filePath,
  value: `---
title: A digest
eventDate: 2025-06-16
published: 2025-06-16
conclusion: Something was said.
status: published
sources:
  - id: statement
    title: A statement
    publisher: Someone
    url: https://example.org/statement
    published: 2025-06-16
tags: [test]
---

${body}
`,
});

describe('feed HTML of cross-references whose address has characters HTML escapes', () => {
  it('is written as serialising the resolved tree writes it', () => {
    const siteUrl = 'https://digest.test.example/';
    const files = [
      digestFile("digests/q&a-it's.md", 'Nothing links from here.'),
      digestFile(
        'digests/linking.md',
        "See [the Q&A](./q&a-it's.md), [above](#top) and ![a chart](charts/count.png).",
      ),
    ];
    const content = linkContent(files.map((file) => parseContentFile(file, { siteUrl })));
    expect(content.diagnostics).toEqual([]);
    const linking = content.digests.find((digest) => digest.id === 'linking');
    expect(linking?.absoluteHtml).toBe(
      reparsedWithAbsoluteUrls(linking?.html ?? '', pageUrlOf('linking', siteUrl)),
    );
    expect(linking?.absoluteHtml).toContain(`href="${siteUrl}digests/q&#x26;a-it&#x27;s/"`);
    expect(linking?.absoluteHtml).toContain(`href="${siteUrl}digests/linking/#top"`);
    expect(linking?.absoluteHtml).toContain(`src="${siteUrl}digests/linking/charts/count.png"`);
  });
});
