// Feeds are read with a real feed parser from fixture files: RSS 2.0, Atom, several items, broken XML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseArticle,
  detectInputKind,
  IngestError,
  readArticles,
} from '../../src/ingest/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('detecting the input', () => {
  it('treats anything opening like XML as a feed, the rest as a plain-text article', () => {
    expect(detectInputKind(fixture('rss-cdata.xml'))).toBe('feed');
    expect(detectInputKind('\uFEFF  <feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('feed');
    expect(detectInputKind(fixture('kyiv-independent-2025-06-14-pow-exchange.txt'))).toBe('text');
  });
});

describe('reading feeds', () => {
  it('decodes RSS 2.0 HTML in CDATA and entities to text, one paragraph per line', () => {
    const [article, ...rest] = readArticles(fixture('rss-cdata.xml'), 'rss-cdata.xml');
    expect(rest).toEqual([]);
    expect(article).toEqual({
      origin: 'rss-cdata.xml',
      title: 'Ferry fares rise & timetable shrinks',
      publisher: 'Harbour Gazette',
      feed: { title: 'Harbour Gazette – News from the Coast', url: 'https://gazette.example.org/' },
      url: 'https://gazette.example.org/2025/03/ferry-fares',
      published: '2025-03-04T09:30:00Z',
      text:
        'The ferry operator raised fares by 12% on March 3, the Harbour Authority said.\n' +
        '“We carried 48,000 passengers last winter,” Mayor Ana Ruiz said. Fares for children & students stay at 2 euros.',
    });
  });

  it('decodes Atom content and titles of type="html"', () => {
    const [article] = readArticles(fixture('atom-html.xml'), 'atom-html.xml');
    expect(article).toMatchObject({
      title: 'Bridge reopens after repairs',
      publisher: 'Valley Courier',
      url: 'https://courier.example.net/bridge-reopens',
      published: '2025-05-20T17:45:00Z',
      text:
        'The old bridge reopened on May 19 after repairs costing up to 3,500,000 euros, according to the Roads Department.\n' +
        'Traffic will be limited to 20 tonnes & one lane until May 30.',
    });
  });

  it('reads every item of a feed, each named by its position', () => {
    const articles = readArticles(fixture('rss-several-items.xml'), 'several.xml');
    expect(articles.map((article) => [article.origin, article.title, article.published])).toEqual([
      ['several.xml#1', 'Storm closes the port', '2025-02-10T08:00:00Z'],
      ['several.xml#2', 'Port reopens', '2025-02-11T08:00:00Z'],
      ['several.xml#3', 'Fishing fleet counts losses', '2025-02-12T08:00:00Z'],
    ]);
  });

  it('reports malformed XML with file:line:col', () => {
    let error: unknown;
    try {
      readArticles(fixture('malformed.xml'), 'fixtures/malformed.xml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toBe(
      "fixtures/malformed.xml:6:22: malformed feed XML: Expected closing tag 'title' (opened in line 6, col 7) instead of closing tag 'titel'.",
    );
    expect(error).toMatchObject({ file: 'fixtures/malformed.xml', line: 6, column: 22 });
  });

  it('rejects well-formed XML that is not a feed', () => {
    expect(() => readArticles('<html><body>hi</body></html>', 'page.html')).toThrow(
      'page.html: not an RSS or Atom feed: The XML document could not be parsed as a feed',
    );
  });
});

describe('analysing feed items', () => {
  const analyse = (name: string) =>
    readArticles(fixture(name), name).map((article) =>
      analyseArticle(article, { registry: [], received: '2025-11-27' }),
    );

  it('uses the feed date and resolves dates in the item against it', () => {
    const [ferry] = analyse('rss-cdata.xml');
    expect(ferry?.publicationDate).toBe('2025-03-04');
    expect(ferry?.warnings).toEqual([]);
    expect(ferry?.events.map((event) => event.date)).toEqual(['2025-03-03', '2025-03-04']);
    expect(
      ferry?.claims.map((claim) => [
        claim.claimant.name,
        claim.numbers.map((n) => `${n.relation}${n.value}`),
      ]),
    ).toEqual([
      ['the Harbour Authority', ['=12']],
      ['Mayor Ana Ruiz', ['=48000']],
      ['Harbour Gazette', ['=2']],
    ]);
    expect(
      ferry?.entities.proposed.map((entity) => [entity.id, entity.kind, entity.reason]),
    ).toEqual([
      ['harbour-authority', 'organization', 'claimant'],
      ['ana-ruiz', 'person', 'claimant'],
      ['harbour-gazette', 'organization', 'claimant'],
    ]);
  });

  it('normalises bounded numbers and counts written as words', () => {
    const [bridge] = analyse('atom-html.xml');
    expect(bridge?.claims[0]?.numbers).toEqual([
      { text: '3,500,000', value: 3500000, relation: '≤', kind: 'count' },
    ]);
    const [, , fleet] = analyse('rss-several-items.xml');
    expect(fleet?.claims[0]).toMatchObject({
      claimant: { name: 'the Fishers Union', via: 'according to' },
      numbers: [{ text: 'Fourteen', value: 14, relation: '=', kind: 'count' }],
      events: ['2025-02-09'],
    });
  });
});
