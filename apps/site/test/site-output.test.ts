/**
 * The built fixture site, read back from dist: links and anchors, structured data, drafts,
 * metadata and the no-JavaScript rule.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { selectAll, select } from 'hast-util-select';
import {
  getVerdict,
  isReviewed,
  loadContent,
  verdicts,
  type ContentSet,
} from '@fact-digest/parser';
import {
  builtPages,
  fileExists,
  fileForUrl,
  idsOf,
  textOf,
  type BuiltPage,
} from './support/built-site.ts';
import { fixtureContentDir, listFiles, readText, testSiteUrl } from './support/site-build.ts';

const distDir = inject('distDir');
let pages: BuiltPage[];
let content: ContentSet;
const published = () => content.digests.filter((digest) => digest.status === 'published');
const page = (pathname: string): BuiltPage => {
  const found = pages.find((candidate) => candidate.pathname === pathname);
  if (!found) throw new Error(`No page ${pathname} in the build`);
  return found;
};

beforeAll(async () => {
  pages = await builtPages(distDir);
  content = await loadContent(fixtureContentDir);
});

describe('pages', () => {
  it('builds every page type', () => {
    const expected = [
      '/',
      '/digests/',
      '/claims/',
      '/entities/',
      '/timeline/',
      '/timeline/2025-06/',
      '/tags/',
      '/sources/',
      '/methodology/',
      '/corrections/',
      '/about/',
      '/search/',
      '/404.html',
      ...published().map((digest) => `/digests/${digest.id}/`),
      ...verdicts.map((verdict) => `/claims/${verdict.id}/`),
      ...content.entities.map((entity) => `/entities/${entity.id}/`),
    ];
    const built = pages.map((candidate) => candidate.pathname);
    for (const pathname of expected) expect(built).toContain(pathname);
  });

  it('resolves every internal link and #anchor to a built file and an element id', () => {
    const idsByFile = new Map(pages.map((candidate) => [candidate.file, idsOf(candidate)]));
    const broken: string[] = [];
    let checked = 0;
    for (const from of pages) {
      const base = new URL(from.pathname, testSiteUrl);
      for (const element of selectAll('a[href], link[href], script[src]', from.tree)) {
        const raw = String(element.properties['href'] ?? element.properties['src']);
        const url = new URL(raw, base);
        const file = fileForUrl(url);
        if (file === undefined) continue;
        checked += 1;
        if (!fileExists(distDir, file)) {
          broken.push(`${from.pathname}: ${raw} (no ${file})`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment !== '' && !idsByFile.get(file)?.has(fragment)) {
          broken.push(`${from.pathname}: ${raw} (no #${fragment} in ${file})`);
        }
      }
    }
    expect(broken).toEqual([]);
    // Guards against the check passing vacuously (say, if no links were found at all).
    expect(checked).toBeGreaterThan(pages.length * 15);
  });

  it('gives every claim its stable anchor and shows its verdict as text', () => {
    for (const digest of published()) {
      const built = page(`/digests/${digest.id}/`);
      for (const claim of digest.claims) {
        const verdictLine = select(`article#claim-${claim.id} .claim-verdict`, built.tree);
        expect(verdictLine && textOf(verdictLine), `${digest.id}#claim-${claim.id}`).toBe(
          `Verdict: ${getVerdict(claim.verdict).label}`,
        );
      }
    }
  });

  it('lists a backlink on the digest a cross-reference points at', () => {
    const target = page('/digests/2025-06-12-prisoner-exchange/');
    const hrefs = selectAll('section[aria-labelledby="backlinks-heading"] a', target.tree).map(
      (anchor) => anchor.properties['href'],
    );
    expect(hrefs).toContain('/digests/2025-06-14-fourth-exchange/#claim-fourth-exchange');
    expect(hrefs).toContain('/digests/2025-06-16-icrc-access/');
  });

  it('lists corrections newest first on the corrections page', () => {
    const corrections = page('/corrections/');
    expect(corrections.html).toContain('An earlier version said the exchange took two days');
  });
});

describe('drafts and editor notes', () => {
  it('appear in no built file: pages, feeds, sitemap, robots', async () => {
    const files = (await listFiles(distDir)).filter((file) => /\.(html|xml|txt|json)$/.test(file));
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readText(distDir, file);
      for (const marker of [
        'DRAFTONLY',
        'draftonly',
        '2025-06-20-ceasefire-rumour',
        'draft-source-2025-06-20',
        'EDITORONLY',
      ]) {
        if (text.includes(marker)) leaks.push(`${file} contains ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has no page for the draft digest', () => {
    expect(fileExists(distDir, 'digests/2025-06-20-ceasefire-rumour/index.html')).toBe(false);
  });
});

describe('ClaimReview JSON-LD', () => {
  it('has one ClaimReview per reviewed claim on every digest page, and none for pending claims', () => {
    for (const digest of published()) {
      const built = page(`/digests/${digest.id}/`);
      const reviews = selectAll('script[type="application/ld+json"]', built.tree)
        .map((script) =>
          script.children.map((child) => (child.type === 'text' ? child.value : '')).join(''),
        )
        .map((json) => JSON.parse(json) as Record<string, unknown>)
        .filter((item) => item['@type'] === 'ClaimReview');
      const reviewed = digest.claims.filter((claim) => isReviewed(claim.verdict));
      expect(reviews).toHaveLength(reviewed.length);
      for (const claim of reviewed) {
        const verdict = getVerdict(claim.verdict);
        const review = reviews.find(
          (item) => item['url'] === `${testSiteUrl}digests/${digest.id}/#claim-${claim.id}`,
        );
        expect(review, claim.id).toMatchObject({
          '@context': 'https://schema.org',
          claimReviewed: claim.quote,
          datePublished: digest.published,
          author: { '@type': 'Organization', name: 'Fact Digest' },
          reviewRating: {
            '@type': 'Rating',
            bestRating: 5,
            worstRating: 1,
            alternateName: verdict.label,
          },
          itemReviewed: {
            '@type': 'Claim',
            datePublished: claim.date,
            author: { name: content.entities.find((entity) => entity.id === claim.claimant)?.name },
            appearance: { '@type': 'CreativeWork' },
          },
        });
        const rating = (review?.['reviewRating'] as Record<string, unknown>)['ratingValue'];
        expect(rating).toBe(verdict.ratingValue === null ? undefined : verdict.ratingValue);
      }
    }
  });
});

describe('head metadata', () => {
  it('gives every page feed autodiscovery, a canonical URL and Open Graph and Twitter tags', () => {
    for (const built of pages) {
      const feedLink = select('link[rel="alternate"][type="application/rss+xml"]', built.tree);
      expect(feedLink?.properties['href'], built.pathname).toBe(`${testSiteUrl}rss.xml`);
      if (built.pathname === '/404.html') continue;
      expect(select('link[rel="canonical"]', built.tree)?.properties['href']).toBe(
        new URL(built.pathname, testSiteUrl).href,
      );
      for (const selector of [
        'meta[property="og:title"]',
        'meta[property="og:url"]',
        'meta[name="twitter:card"]',
        'meta[name="description"]',
      ]) {
        expect(select(selector, built.tree), `${built.pathname} ${selector}`).toBeDefined();
      }
    }
  });

  it('offers each entity page its own feed', () => {
    const built = page('/entities/volodymyr-zelensky/');
    const feeds = selectAll('link[rel="alternate"]', built.tree).map(
      (link) => link.properties['href'],
    );
    expect(feeds).toContain(`${testSiteUrl}entities/volodymyr-zelensky/rss.xml`);
  });

  it('sets a Content-Security-Policy that allows Pagefind and nothing inline but hashed code', () => {
    for (const built of pages) {
      const csp = select('meta[http-equiv="content-security-policy"]', built.tree);
      const policy = String(csp?.properties['content']);
      expect(policy, built.pathname).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).not.toContain('unsafe-inline');
    }
  });
});

describe('links that leave the site and inline handlers', () => {
  it('give every off-site link rel="noopener noreferrer", in templates and in digest bodies', () => {
    const missing: string[] = [];
    const offSite = new Set<string>();
    for (const built of pages) {
      const base = new URL(built.pathname, testSiteUrl);
      for (const anchor of selectAll('a[href]', built.tree)) {
        const url = new URL(String(anchor.properties['href']), base);
        if (!/^https?:$/.test(url.protocol) || url.origin === new URL(testSiteUrl).origin) continue;
        offSite.add(url.href);
        const rel = anchor.properties['rel'];
        const tokens = Array.isArray(rel) ? rel.map(String) : [];
        if (!tokens.includes('noopener') || !tokens.includes('noreferrer')) {
          missing.push(`${built.pathname}: ${url.href} (rel=${tokens.join(' ') || 'none'})`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Guards against a vacuous pass: each kind of off-site link the fixture has was checked.
    expect([...offSite]).toEqual(
      expect.arrayContaining([
        // a digest's source "Original" link, a source page's URL, and a body link
        'https://icrc.example/statement-2025-06-16',
        // a source page's "Received through" feed link
        'https://koordshtab.example/rss',
        // an entity's Wikidata link
        'https://www.wikidata.org/wiki/Q3874799',
      ]),
    );
    const bodyLink = selectAll(
      '.prose a[href^="https://icrc.example/"]',
      page('/digests/2025-06-16-icrc-access/').tree,
    );
    expect(bodyLink).toHaveLength(1);
  });

  it('have no inline event handler attributes and no javascript: URLs on any page', () => {
    const found: string[] = [];
    for (const built of pages) {
      for (const element of selectAll('*', built.tree)) {
        for (const [name, value] of Object.entries(element.properties)) {
          if (/^on/i.test(name)) found.push(`${built.pathname}: <${element.tagName} ${name}>`);
          if (typeof value === 'string' && /^\s*javascript:/i.test(value))
            found.push(`${built.pathname}: <${element.tagName} ${name}="${value}">`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('JavaScript', () => {
  it('ships scripts on the search page only (JSON-LD data blocks are not scripts)', () => {
    for (const built of pages) {
      const scripts = selectAll('script', built.tree).filter(
        (script) => script.properties['type'] !== 'application/ld+json',
      );
      if (built.pathname === '/search/') expect(scripts.length).toBeGreaterThan(0);
      else expect(scripts, built.pathname).toEqual([]);
    }
  });
});

/** The `<loc>` addresses of a sitemap or sitemap index, read with an XML parser. */
function locations(xml: string): string[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(
    xml,
  ) as {
    urlset?: { url?: { loc: string }[] };
    sitemapindex?: { sitemap?: { loc: string }[] };
  };
  return (parsed.urlset?.url ?? parsed.sitemapindex?.sitemap ?? []).map(({ loc }) => loc);
}

describe('sitemap and robots.txt', () => {
  it('lists every page once, through the index robots.txt names', async () => {
    const robots = await readText(distDir, 'robots.txt');
    expect(robots).toContain(`Sitemap: ${testSiteUrl}sitemap-index.xml`);
    const sitemaps = locations(await readText(distDir, 'sitemap-index.xml'));
    expect(sitemaps).toEqual([`${testSiteUrl}sitemap-0.xml`]);
    const listed = (
      await Promise.all(
        sitemaps.map(async (url) =>
          locations(await readText(distDir, url.slice(testSiteUrl.length))),
        ),
      )
    ).flat();
    const pagesBuilt = (await listFiles(distDir))
      .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
      .map((file) => new URL(file.slice(0, -'index.html'.length), testSiteUrl).href);
    expect([...listed].sort()).toEqual(pagesBuilt.sort());
    for (const digest of published()) {
      expect(listed).toContain(`${testSiteUrl}digests/${digest.id}/`);
    }
    expect(listed).not.toContain(`${testSiteUrl}404/`);
  });
});
