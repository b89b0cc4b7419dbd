/**
 * The published view removes drafts from everything the site is built from. The parser's graph
 * leaves drafts out by default; these tests load the content with `includeDrafts` (its preview
 * mode), so that a draft is in what the view starts from.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type ContentSet } from '@fact-digest/parser';
import { storeContentSet, type StoredContentSet } from '../src/loaders/content-entry.ts';
import { contentSha256, readStoredText } from '../src/loaders/content-store.ts';
import {
  publishedContent,
  publishedGraph,
  type PublishedContent,
  type PublishedGraph,
} from '../src/loaders/published-content.ts';
import { fixtureContentDir } from './support/site-build.ts';

const draftId = '2025-06-20-ceasefire-rumour';
let content: ContentSet;
let published: PublishedContent;
let graph: PublishedGraph;

beforeAll(async () => {
  content = await loadContent(fixtureContentDir, { graph: { includeDrafts: true } });
  published = publishedContent(content);
  graph = publishedGraph(published.digests, published.entities);
});

describe('publishedContent', () => {
  it('keeps published digests only, without editor notes', () => {
    expect(content.digests.map((digest) => digest.id)).toContain(draftId);
    expect(published.digests.map((digest) => digest.id)).not.toContain(draftId);
    expect(published.digests).toHaveLength(3);
    const withNotes = content.digests.find((digest) => digest.notes.length > 0);
    expect(withNotes).toBeDefined();
    for (const digest of published.digests) expect(digest.notes).toEqual([]);
  });

  it('has a graph with no backlink, claim, timeline row or entity index entry that starts at a draft', () => {
    // The draft links to the 12 June digest and quotes Zelensky: the parser's graph has both.
    const target = '2025-06-12-prisoner-exchange';
    expect(content.graph.backlinks[target]?.some((link) => link.fromDigestId === draftId)).toBe(
      true,
    );
    expect(content.graph.entities['volodymyr-zelensky']?.digests).toContain(draftId);

    const startsAtDraft = (key: string) => key.startsWith(`${draftId}#`) || key === draftId;
    expect(graph.backlinks[target]?.map((link) => link.fromDigestId)).not.toContain(draftId);
    expect(graph.entities['volodymyr-zelensky']?.digests).not.toContain(draftId);
    expect(graph.entities['volodymyr-zelensky']?.claimsBy.some(startsAtDraft)).toBe(false);
    expect(Object.values(graph.claimsByVerdict).flat().some(startsAtDraft)).toBe(false);
    expect(Object.values(graph.claimsByDate).flat().some(startsAtDraft)).toBe(false);
    expect(graph.timeline.some((entry) => entry.digestId === draftId)).toBe(false);
    expect(Object.keys(graph.related)).not.toContain(draftId);
    expect(Object.values(graph.related).flat()).not.toContain(draftId);
  });

  it("has the graph the parser builds of the published digests, without the links' positions", async () => {
    // The parser's own graph, drafts left out as in a production build: the site's, built from
    // the slimmer digests it stores, must lose nothing of it (backlinks in the same order).
    const { graph: parsersGraph } = await loadContent(fixtureContentDir);
    const withoutPositions = Object.fromEntries(
      Object.entries(parsersGraph.backlinks).map(([digestId, references]) => [
        digestId,
        references.map(({ position: _position, ...reference }) => reference),
      ]),
    );
    expect(Object.values(parsersGraph.backlinks).flat().length).toBeGreaterThan(1);
    expect(graph).toEqual({ ...parsersGraph, backlinks: withoutPositions });
  });

  it('publishes archived sources only when a published digest cites them', () => {
    expect(content.sources.map((source) => source.id)).toContain('draft-source-2025-06-20');
    expect(published.sources.map((source) => source.id).sort()).toEqual([
      'coordination-hq-2025-06-12',
      'icrc-statement-2025-06-16',
      'kyiv-independent-2025-06-14',
    ]);
  });

  it('stores no field that no page reads: plain text, claim assessments, archived texts, and HTML only by its hash', () => {
    const withText = content.digests.find((digest) => digest.text !== '');
    expect(withText?.claims.some((claim) => claim.assessmentHtml !== '')).toBe(true);
    for (const digest of published.digests) {
      expect(Object.keys(digest)).not.toContain('text');
      for (const claim of digest.claims) expect(Object.keys(claim)).not.toContain('assessmentHtml');
    }
    const stored = published.digests.find((digest) => digest.id === withText?.id);
    expect(Object.keys(stored ?? {})).not.toContain('html');
    expect(stored?.htmlSha256).toBe(contentSha256(withText?.html ?? ''));
    expect(published.renderedHtml.get(stored?.htmlSha256 ?? '')).toBe(withText?.html);
    expect(published.renderedHtml.size).toBe(
      new Set(published.digests.map((digest) => digest.htmlSha256)).size,
    );
    expect(content.sources.every((source) => source.text !== '')).toBe(true);
    for (const source of published.sources) expect(Object.keys(source)).not.toContain('text');
  });

  it('keeps no source positions, and each mentioned entity once in order of first mention', () => {
    const hasPosition = (value: object): boolean => Object.keys(value).includes('position');
    for (const digest of published.digests) {
      expect(digest.claims.some(hasPosition)).toBe(false);
      expect(digest.links.some(hasPosition)).toBe(false);
      const original = content.digests.find((candidate) => candidate.id === digest.id);
      expect(digest.links).toHaveLength(original?.links.length ?? -1);
      expect(digest.mentions.map((mention) => mention.entityId)).toEqual([
        ...new Set(original?.mentions.map((mention) => mention.entityId)),
      ]);
    }
    expect(Object.values(graph.backlinks).flat().some(hasPosition)).toBe(false);
    const mentioning = published.digests.find((digest) => digest.mentions.length > 1);
    const original = content.digests.find((digest) => digest.id === mentioning?.id);
    expect(original?.mentions.length).toBeGreaterThan(mentioning?.mentions.length ?? 0);
  });

  it('is stored whole in the content store, and replaced there when the content changes', async () => {
    const storeDir = await mkdtemp(path.join(tmpdir(), 'published-content-'));
    try {
      const entry = await storeContentSet(storeDir, published, 'https://example.org/');
      expect(entry.siteUrl).toBe('https://example.org/');
      const readBack = async (sha256: string): Promise<StoredContentSet> =>
        JSON.parse(
          readStoredText(storeDir, { sha256, kind: 'json' }, 'this test', 'content set'),
        ) as StoredContentSet;
      expect(await readBack(entry.contentSetSha256)).toEqual({
        digests: published.digests,
        entities: published.entities,
        sources: published.sources,
      });
      for (const digest of published.digests) {
        const html = readStoredText(
          storeDir,
          { sha256: digest.htmlSha256, kind: 'html' },
          digest.file,
          'rendered HTML',
        );
        expect(html).toBe(published.renderedHtml.get(digest.htmlSha256));
      }

      // One digest fewer: a new content set, and the old one and that digest's HTML are gone.
      const [removed, ...kept] = published.digests;
      const renderedHtml = new Map(published.renderedHtml);
      if (removed !== undefined) renderedHtml.delete(removed.htmlSha256);
      if (removed?.feedHtmlSha256 !== undefined) renderedHtml.delete(removed.feedHtmlSha256);
      const changed = await storeContentSet(
        storeDir,
        { ...published, digests: kept, renderedHtml },
        'https://example.org/',
      );
      expect(changed.contentSetSha256).not.toBe(entry.contentSetSha256);
      expect((await readBack(changed.contentSetSha256)).digests).toEqual(kept);
      await expect(readBack(entry.contentSetSha256)).rejects.toThrow('is missing');
      if (removed !== undefined) {
        expect(() =>
          readStoredText(
            storeDir,
            { sha256: removed.htmlSha256, kind: 'html' },
            removed.file,
            'HTML',
          ),
        ).toThrow('is missing');
      }
      const database = new DatabaseSync(path.join(storeDir, 'content-store.sqlite'));
      const { count } = database.prepare('SELECT count(*) AS count FROM texts').get() as {
        count: number;
      };
      database.close();
      expect(count).toBe(renderedHtml.size + 1);
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  });
});
