/**
 * The published content as pages read it: the `contentSet` collection (filled by the fact-digest
 * loader, drafts already removed) turned into sorted lists and lookups.
 */
import { getCollection } from 'astro:content';
import { verdicts, type Entity, type Verdict } from '@fact-digest/parser';
// Pages read what the loader stored: the published view of each digest, claim and source.
import {
  publishedGraph,
  type PublishedClaim as Claim,
  type PublishedDigest as Digest,
  type PublishedGraph,
  type PublishedSource as ArchivedSource,
} from '../loaders/published-content.ts';
import { readStoredText } from '../loaders/content-store.ts';
import {
  contentSetEntryId,
  type ContentSetEntry,
  type StoredContentSet,
} from '../loaders/content-entry.ts';
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
  digestHtml: (digest: Digest) => Promise<string>;
  /**
   * A digest's feed HTML (its rendered HTML with absolute links, made when it was parsed),
   * read from the same store.
   */
  digestFeedHtml: (digest: Digest) => Promise<string>;
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

/**
 * The site content, read and indexed once per build: every page calls this, and rebuilding the
 * sorted lists and lookups per page made the build quadratic in the number of digests. In
 * `astro dev` the content can change between requests, so there it is read again whenever the
 * loader has stored a different content set.
 */
export async function getSiteContent(): Promise<SiteContent> {
  if (!import.meta.env.DEV) {
    builtSiteContent ??= contentSetEntry().then(readSiteContent);
    return builtSiteContent;
  }
  const entry = await contentSetEntry();
  if (devSiteContent?.sha256 !== entry.contentSetSha256) {
    const content = readSiteContent(entry);
    devSiteContent = { sha256: entry.contentSetSha256, content };
    // A failed read is not kept: the next request tries again.
    content.catch(() => {
      if (devSiteContent?.content === content) devSiteContent = undefined;
    });
  }
  return devSiteContent.content;
}

let builtSiteContent: Promise<SiteContent> | undefined;
let devSiteContent: { sha256: string; content: Promise<SiteContent> } | undefined;

/** The one entry the loader stores: where it kept the published content set. */
async function contentSetEntry(): Promise<ContentSetEntry> {
  const entries = await getCollection('contentSet');
  const entry = entries.find(({ id }) => id === contentSetEntryId);
  if (entry === undefined) {
    throw new Error(
      `The contentSet collection has no "${contentSetEntryId}" entry: the fact-digest loader did not run (see src/content.config.ts).`,
    );
  }
  return entry.data;
}

async function readSiteContent(entry: ContentSetEntry): Promise<SiteContent> {
  const { storeDir, siteUrl } = entry;
  const storedJson = await readStoredText(
    storeDir,
    { sha256: entry.contentSetSha256, kind: 'json' },
    'this build',
    'published content set',
  );
  const { digests, entities, sources } = JSON.parse(storedJson) as StoredContentSet;
  // Before the digests are sorted: the graph's lists are sorted by the graph itself.
  const graph = publishedGraph(digests, entities);
  // Each date is parsed once, not once per comparison.
  const publishedInstant = new Map(digests.map((digest) => [digest, toInstant(digest.published)]));
  digests.sort(
    (a, b) =>
      (publishedInstant.get(b) ?? 0) - (publishedInstant.get(a) ?? 0) || compareText(a.id, b.id),
  );
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
    digestHtml: (digest) =>
      readStoredText(
        storeDir,
        { sha256: digest.htmlSha256, kind: 'html' },
        digest.file,
        'rendered HTML',
      ),
    digestFeedHtml: (digest) => {
      if (digest.feedHtmlSha256 === undefined) {
        return Promise.reject(
          new Error(`${digest.file} was loaded without a site URL, so it has no feed HTML.`),
        );
      }
      return readStoredText(
        storeDir,
        { sha256: digest.feedHtmlSha256, kind: 'html' },
        digest.file,
        'feed HTML',
      );
    },
    feedHtmlSiteUrl: siteUrl,
  };
}

/** Resolves claim keys from the graph to claims, skipping none silently: a missing key throws. */
export function claimsFor(content: SiteContent, keys: readonly string[]): ClaimInDigest[] {
  return keys.map((key) => {
    const found = content.claimByKey.get(key);
    if (!found) throw new Error(`The graph names claim ${key}, which is not in the content set.`);
    return found;
  });
}

/** How many claims a digest has of each verdict, in scale order, verdicts with none left out. */
export function verdictCounts(
  claims: readonly Pick<Claim, 'verdict'>[],
): { verdict: Verdict; count: number }[] {
  return verdicts
    .map((verdict) => ({
      verdict,
      count: claims.filter((claim) => claim.verdict === verdict.id).length,
    }))
    .filter(({ count }) => count > 0);
}
