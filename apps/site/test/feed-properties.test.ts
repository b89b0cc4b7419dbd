/**
 * Feed properties, over arbitrary text: whatever titles, conclusions, tags, entity names and
 * digest bodies hold (markup characters, `]]>`, quotes, any script, right-to-left marks, emoji,
 * control characters, unpaired surrogates), the feed is well-formed XML, and readers get back
 * exactly the text that went in, minus the characters XML 1.0 cannot carry and surrounding
 * whitespace (see src/lib/feed-xml-for-readers.ts). Two readers: @rowanmanning/feed-parser,
 * which decodes entities a second time (as many readers do), and fast-xml-parser, which
 * decodes once. The XML goes through `digestFeedXml`, the same code the feed pages call.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@fact-digest/parser';
import { getRssString } from '@astrojs/rss';
import {
  digestFeedChunks,
  digestFeedOptions,
  digestFeedXml,
  feedItemsPerChunk,
  feedResponse,
  type DigestFeed,
  type FeedContent,
} from '../src/lib/digest-feed.ts';
import { feedXmlForReaders } from '../src/lib/feed-xml-for-readers.ts';
import { contentSha256 } from '../src/loaders/content-store.ts';
import type { PublishedDigest as Digest } from '../src/loaders/published-content.ts';
import { feedHtml } from '../src/lib/feed-html.ts';
import { publishedDigest } from './support/published-digest.ts';

const site = new URL('https://digest.test.example/');

/** XML 1.0 `Char` (https://www.w3.org/TR/xml/#charsets), code point by code point. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** What XML can carry of `text`: iterating a string yields code points, unpaired surrogates alone. */
function carried(text: string): string {
  return [...text].filter((character) => isXmlCharacter(character.codePointAt(0) ?? 0)).join('');
}

/** What a reader shows of a text element: readers trim, and report an empty element as absent. */
function shown(text: string): string | null {
  return carried(text).trim() || null;
}

const awkwardText = fc.constantFrom(
  '&',
  '<',
  '>',
  ']]>',
  '<![CDATA[',
  '"',
  "'",
  '&amp;',
  '&copy 2025',
  '&#x26;',
  '&lt;b&gt;',
  '<b>bold</b>',
  'Володимир Зеленський',
  'שלום עולם',
  'مرحبا',
  '\u202e\u2066',
  '🇺🇦',
  '👩‍👩‍👧',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
);

/** Any string: full code points, single UTF-16 units (so lone surrogates), and awkward pieces. */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
        maxLength: 4,
      }),
      awkwardText,
    ),
    { maxLength: 6 },
  )
  .map((pieces) => pieces.join(''));

const htmlPiece = fc.constantFrom(
  '<p>',
  '</p>',
  '<em>',
  '</em>',
  '<a href="https://example.org/?a=1&amp;b=2">',
  '<a href="../entities/x/">',
  '</a>',
  '<blockquote class="claim-quote">',
  '</blockquote>',
  '<!-- note -->',
  '<img src="x.png" alt="a &quot;quoted&quot; alt">',
  '<br>',
  '&amp;',
  '&lt;',
  '&nbsp;',
);

const anyHtml = fc
  .array(fc.oneof(anyText, htmlPiece), { maxLength: 8 })
  .map((pieces) => pieces.join(''));

const digestId = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);

interface FeedCase {
  digests: Digest[];
  /** Each digest's feed HTML (what the store holds for the site feed), by digest id. */
  htmlById: Map<string, string>;
  entities: Entity[];
  feedTitle: string;
}

const feedCase: fc.Arbitrary<FeedCase> = fc
  .record({
    digests: fc.uniqueArray(
      fc.record({
        id: digestId,
        title: anyText,
        conclusion: anyText,
        tags: fc.array(anyText, { maxLength: 3 }),
        html: anyHtml,
        correction: fc.option(anyText, { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { minLength: 1, maxLength: 4, selector: (digest) => digest.id },
    ),
    entityNames: fc.array(anyText, { minLength: 1, maxLength: 3 }),
    feedTitle: anyText,
  })
  // Every digest mentions every entity, so each carries every entity name.
  .map(({ digests, entityNames, feedTitle }) => ({
    feedTitle,
    htmlById: new Map(digests.map((digest) => [digest.id, digest.html])),
    entities: entityNames.map((name, index) => ({
      id: `entity-${index}`,
      file: `entities/entity-${index}.md`,
      name,
      kind: 'person' as const,
      aliases: [],
      description: '',
      html: '',
    })),
    digests: digests.map((digest) => {
      const published = `2025-06-${String(digest.day).padStart(2, '0')}`;
      return publishedDigest(digest.id, published, {
        title: digest.title,
        conclusion: digest.conclusion,
        tags: digest.tags,
        corrections:
          digest.correction === undefined ? [] : [{ date: published, note: digest.correction }],
        htmlSha256: contentSha256(digest.html),
        mentions: entityNames.map((_, index) => ({ entityId: `entity-${index}` })),
      });
    }),
  }));

function feedContentOf({ htmlById, entities }: FeedCase): FeedContent {
  return {
    entityById: new Map(entities.map((entity) => [entity.id, entity])),
    digestFeedHtml: (digest) => htmlById.get(digest.id) ?? '',
  };
}

const siteFeedOf = (testCase: FeedCase): DigestFeed => ({
  title: testCase.feedTitle,
  description: 'Digests.',
  path: '/rss.xml',
  digests: testCase.digests,
  items: 'full',
});

async function feedXmlOf(testCase: FeedCase): Promise<string> {
  return digestFeedXml(siteFeedOf(testCase), feedContentOf(testCase), site);
}

const linkOf = (digest: Digest): string => `${site.href}digests/${digest.id}/`;

/** A reader that decodes each reference once, as XML says: fast-xml-parser with numeric references. */
const decodeOnceParser = new XMLParser({
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name) => name === 'item' || name === 'category',
});

interface DecodedOnceItem {
  title?: string;
  link: string;
  description?: string;
  'content:encoded'?: string;
  category?: string[];
}

const numRuns = 300;

describe('feeds from arbitrary text', () => {
  it('are well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(feedCase, async (testCase) => {
        const xml = await feedXmlOf(testCase);
        expect(XMLValidator.validate(xml)).toBe(true);
        // Every character in the document is one XML can carry (the validator does not check).
        expect(carried(xml)).toBe(xml);
      }),
      { numRuns },
    );
  });

  it('give a feed parser back the titles, links, conclusions, categories and HTML that went in', async () => {
    await fc.assert(
      fc.asyncProperty(feedCase, async (testCase) => {
        const feed = parseFeed(await feedXmlOf(testCase));
        expect(feed.title).toBe(shown(testCase.feedTitle));
        expect(feed.items).toHaveLength(testCase.digests.length);
        for (const [index, digest] of testCase.digests.entries()) {
          const item = feed.items[index];
          expect(item?.url).toBe(linkOf(digest));
          expect(item?.id).toBe(linkOf(digest));
          expect(item?.title).toBe(shown(digest.title));
          expect(item?.description).toBe(shown(digest.conclusion));
          const html = testCase.htmlById.get(digest.id) ?? '';
          expect(item?.content).toBe(shown(feedHtml(digest, html)));
          const expectedCategories = [...digest.tags, ...testCase.entities.map((e) => e.name)]
            .map(shown)
            .filter((label) => label !== null);
          expect(new Set(item?.categories.map((category) => category.label))).toEqual(
            new Set(expectedCategories),
          );
        }
      }),
      { numRuns },
    );
  });

  it('read the same through a parser that decodes references once', async () => {
    await fc.assert(
      fc.asyncProperty(feedCase, async (testCase) => {
        const document = decodeOnceParser.parse(await feedXmlOf(testCase)) as {
          rss: { channel: { item: DecodedOnceItem[] } };
        };
        const items = document.rss.channel.item;
        for (const [index, digest] of testCase.digests.entries()) {
          const item = items[index];
          expect(item?.link).toBe(linkOf(digest));
          expect(item?.title || null).toBe(shown(digest.title));
          expect(item?.description || null).toBe(shown(digest.conclusion));
          const html = testCase.htmlById.get(digest.id) ?? '';
          expect(item?.['content:encoded']).toBe(shown(feedHtml(digest, html)));
        }
      }),
      { numRuns },
    );
  });
});

describe('a feed made in chunks', () => {
  it('is the document @astrojs/rss writes for the whole feed at once, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(feedCase, fc.integer({ min: 1, max: 4 }), async (testCase, perChunk) => {
        const feed = siteFeedOf(testCase);
        const content = feedContentOf(testCase);
        const whole = feedXmlForReaders(
          await getRssString(digestFeedOptions(feed, content, site, testCase.htmlById)),
        );
        let joined = '';
        for await (const chunk of digestFeedChunks(feed, content, site, perChunk)) joined += chunk;
        expect(joined).toBe(whole);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the site feed of a large archive', () => {
  it("reads a chunk's stored HTML only when the chunk is made, and carries every digest", async () => {
    const digests: Digest[] = Array.from({ length: 300 }, (_, index) =>
      publishedDigest(`digest-${index}`, `2025-06-${String((index % 28) + 1).padStart(2, '0')}`, {
        title: `Digest ${index}`,
        conclusion: `Conclusion ${index}.`,
        htmlSha256: contentSha256(`<p>Body ${index}.</p>`),
      }),
    );
    const content: FeedContent = {
      entityById: new Map(),
      digestFeedHtml: (digest) => `<p>Body ${digest.id.slice('digest-'.length)}.</p>`,
    };
    const feed: DigestFeed = {
      title: 'Digests',
      description: 'All.',
      path: '/rss.xml',
      digests,
      items: 'full',
    };
    const xml = await digestFeedXml(feed, content, site);
    const items = parseFeed(xml).items;
    expect(items).toHaveLength(300);
    expect(items[299]?.content).toContain('Body 299.');

    // Served as the feed route serves it: the same bytes, with a chunk's files read only when
    // the response reaches that chunk.
    const reads: string[] = [];
    const response = feedResponse(
      digestFeedChunks(
        feed,
        {
          ...content,
          digestFeedHtml: (digest) => {
            reads.push(digest.id);
            return content.digestFeedHtml(digest);
          },
        },
        site,
      ),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const parts: Uint8Array[] = [];
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(reads).toHaveLength(feedItemsPerChunk);
    if (first.value) parts.push(first.value);
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      parts.push(next.value);
    }
    expect(reads).toHaveLength(300);
    expect(Buffer.concat(parts).toString('utf8')).toBe(xml);
  });
});
