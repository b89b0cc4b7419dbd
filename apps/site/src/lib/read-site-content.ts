/**
 * The published content as pages and the build's feed step read it: the content set the
 * fact-digest loader stored (drafts already removed, see content-entry.ts) turned into sorted
 * lists and lookups. Plain modules only, no `astro:content`: the site feed is written after
 * `astro build`, in a process of its own (scripts/write-site-feed.ts), and reads the content the
 * same way.
 */
import type { Entity } from '@fact-digest/parser';
// Pages read what the loader stored: the published view of each digest, claim and source.
import {
  publishedGraph,
  type PublishedClaim as Claim,
  type PublishedDigest as Digest,
  type PublishedGraph,
  type PublishedSource as ArchivedSource,
} from '../loaders/published-content.ts';
import { readStoredText } from '../loaders/content-store.ts';
import type { ContentSetEntry, StoredContentSet } from '../loaders/content-entry.ts';
import { toInstant } from './format-date.ts';

export interface ClaimInDigest {
  claim: Claim;
  digest: Digest;
}

export interface SiteContent {
  /** Newest first (by `published`, then id). */
  digests: Digest[];
  /** By name. */
  entities: Entity[];
  /** By title. */
  sources: ArchivedSource[];
  graph: PublishedGraph;
  digestById: ReadonlyMap<string, Digest>;
  entityById: ReadonlyMap<string, Entity>;
  sourceById: ReadonlyMap<string, ArchivedSource>;
  /** Claims by `digestId#claimId`. */
  claimByKey: ReadonlyMap<string, ClaimInDigest>;
  /** Every tag with its digests, tags sorted by id. */
  tags: ReadonlyMap<string, Digest[]>;
  /** The archived copy a digest's source reference points at, if it has one. */
  archivedSourceOf: (digest: Digest, sourceReferenceId: string) => ArchivedSource | undefined;
  /**
   * Per archived source id, the digests that cite it (newest first) with their claims quoted
   * from it. Sources no published digest cites are absent.
   */
  citationsBySource: ReadonlyMap<string, SourceCitation[]>;
  /** A digest's rendered HTML, read from where the loader stored it (see content-store.ts). */
  digestHtml: (digest: Digest) => string;
  /**
   * A digest's feed HTML (its rendered HTML with absolute links, made when it was parsed),
   * read from the same store.
   */
  digestFeedHtml: (digest: Digest) => string;
  /** The site URL the feed HTML's links were made absolute against. */
  feedHtmlSiteUrl: string;
}

export interface SourceCitation {
  digest: Digest;
  /** The digest's claims whose `source` is a reference to the archived source, in digest order. */
  claims: Claim[];
}

export const claimKey = (digestId: string, claimId: string): string => `${digestId}#${claimId}`;

/** Code-point order, so sorting does not depend on the build machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The content set `entry` names, read from the content store, with its digests newest first. */
function readContentSet(entry: ContentSetEntry): StoredContentSet {
  const content = JSON.parse(
    readStoredText(
      entry.storeDir,
      { sha256: entry.contentSetSha256, kind: 'json' },
      'this build',
      'published content set',
    ),
  ) as StoredContentSet;
  // Each date is parsed once, not once per comparison.
  const publishedInstant = new Map(
    content.digests.map((digest) => [digest, toInstant(digest.published)]),
  );
  content.digests.sort(
    (a, b) =>
      (publishedInstant.get(b) ?? 0) - (publishedInstant.get(a) ?? 0) || compareText(a.id, b.id),
  );
  return content;
}

/** Reads the digests' HTML, page and feed, from the store `entry` names. */
function storedDigestHtml({
  storeDir,
}: ContentSetEntry): Pick<SiteContent, 'digestHtml' | 'digestFeedHtml'> {
  return {
    digestHtml: (digest) =>
      readStoredText(
        storeDir,
        { sha256: digest.htmlSha256, kind: 'html' },
        digest.file,
        'rendered HTML',
      ),
    digestFeedHtml: (digest) => {
      if (digest.feedHtmlSha256 === undefined) {
        throw new Error(`${digest.file} was loaded without a site URL, so it has no feed HTML.`);
      }
      return readStoredText(
        storeDir,
        { sha256: digest.feedHtmlSha256, kind: 'html' },
        digest.file,
        'feed HTML',
      );
    },
  };
}

/** What the site feed is made from (src/lib/site-feed.ts). */
export type SiteFeedContent = Pick<
  SiteContent,
  'digests' | 'entityById' | 'digestFeedHtml' | 'feedHtmlSiteUrl'
>;

/**
 * The content set as the site feed reads it: the digests and entity names, without the graph and
 * the lookups pages use, which scripts/write-site-feed.ts built for nothing: at 10,000 digests
 * the step took 3.1 s instead of 2.2 s, the longest part of the build after Astro, and held
 * 565 MB instead of 510 MB (BENCHMARKS.md, fix 47).
 */
export function readSiteFeedContent(entry: ContentSetEntry): SiteFeedContent {
  const { digests, entities } = readContentSet(entry);
  return {
    digests,
    entityById: new Map(entities.map((entity) => [entity.id, entity])),
    digestFeedHtml: storedDigestHtml(entry).digestFeedHtml,
    feedHtmlSiteUrl: entry.siteUrl,
  };
}

/** Reads the content set `entry` names from the content store, and indexes it. */
export async function readSiteContent(entry: ContentSetEntry): Promise<SiteContent> {
  const { digests, entities, sources } = readContentSet(entry);
  // The graph sorts its lists itself.
  const graph = publishedGraph(digests, entities);
  entities.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  sources.sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));

  const claimByKey = new Map<string, ClaimInDigest>();
  const tags = new Map<string, Digest[]>();
  const citationsBySource = new Map<string, SourceCitation[]>();
  for (const digest of digests) {
    for (const claim of digest.claims)
      claimByKey.set(claimKey(digest.id, claim.id), { claim, digest });
    for (const tag of digest.tags) {
      const tagged = tags.get(tag);
      if (tagged) tagged.push(digest);
      else tags.set(tag, [digest]);
    }
    const referencesBySource = new Map<string, Set<string>>();
    for (const reference of digest.sources) {
      if (reference.archivedSourceId === undefined) continue;
      const ids = referencesBySource.get(reference.archivedSourceId) ?? new Set<string>();
      ids.add(reference.id);
      referencesBySource.set(reference.archivedSourceId, ids);
    }
    for (const [sourceId, referenceIds] of referencesBySource) {
      const citation = {
        digest,
        claims: digest.claims.filter((claim) => referenceIds.has(claim.source)),
      };
      const citations = citationsBySource.get(sourceId);
      if (citations) citations.push(citation);
      else citationsBySource.set(sourceId, [citation]);
    }
  }
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  return {
    digests,
    entities,
    sources,
    graph,
    digestById: new Map(digests.map((digest) => [digest.id, digest])),
    entityById: new Map(entities.map((entity) => [entity.id, entity])),
    sourceById,
    claimByKey,
    tags: new Map([...tags].sort(([a], [b]) => compareText(a, b))),
    archivedSourceOf: (digest, sourceReferenceId) => {
      const reference = digest.sources.find((source) => source.id === sourceReferenceId);
      return reference?.archivedSourceId === undefined
        ? undefined
        : sourceById.get(reference.archivedSourceId);
    },
    citationsBySource,
    ...storedDigestHtml(entry),
    feedHtmlSiteUrl: entry.siteUrl,
  };
}
