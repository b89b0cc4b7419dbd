/**
 * The published view of a content set: what the site may show. Drafts are removed here, once,
 * before anything is stored, so no page, feed, sitemap entry or search record can reach them:
 * draft digests go, and so does every graph edge, claim key and timeline row that starts at one
 * (the parser's graph already leaves drafts out unless built with `includeDrafts`; this holds
 * either way, so the site never depends on how the graph was built).
 * Editor-only notes are dropped from every digest. Archived sources are published only when a
 * published digest cites them (a source ingested for an unpublished digest stays private).
 */
import type {
  ArchivedSource,
  Claim,
  ContentGraph,
  CrossReference,
  Digest,
  Entity,
  EntityIndexEntry,
  EntityMention,
  VerdictId,
} from '@fact-digest/parser';
import { htmlSha256 } from './html-store.ts';

export interface LinkedContent {
  digests: readonly Digest[];
  entities: readonly Entity[];
  sources: readonly ArchivedSource[];
  graph: ContentGraph;
}

/**
 * What the site keeps of a claim. The assessment is part of its digest's `html` already and no
 * page shows it on its own, so it is not stored twice. Source positions are for diagnostics,
 * which the loader has already reported, so no published value keeps one.
 */
export type PublishedClaim = Omit<Claim, 'assessmentHtml' | 'position'>;

/** A cross-reference as pages use it: where it points and its text, not where it was written. */
export type PublishedCrossReference = Omit<CrossReference, 'position'>;

/** An entity the digest names: pages list the entities, so each appears once. */
export type PublishedMention = Pick<EntityMention, 'entityId'>;

/**
 * What the site keeps of a digest: no plain `text` (search indexes the rendered pages, and no page
 * shows it), claims without their assessment (see `PublishedClaim`), links without positions, and
 * each mentioned entity once, in order of first mention. Everything stored is bundled into the
 * build and held in memory while pages render, so unused fields cost memory per digest.
 * The rendered HTML, half of what a digest is, is kept outside the store (see html-store.ts): a
 * digest carries its hash, and `PublishedContent.renderedHtml` the HTML for the loader to write.
 */
export interface PublishedDigest extends Omit<
  Digest,
  'text' | 'claims' | 'links' | 'mentions' | 'html' | 'absoluteHtml'
> {
  claims: PublishedClaim[];
  links: PublishedCrossReference[];
  mentions: PublishedMention[];
  /** SHA-256 (hex) of the digest's rendered HTML, the key it is stored under. */
  htmlSha256: string;
  /**
   * SHA-256 (hex) of the digest's feed HTML: the rendered HTML with absolute links (the parser's
   * `absoluteHtml`), stored like the page HTML. Absent when the digest was parsed without a site
   * URL (the parser's `loadContent`); the site loader always parses with one.
   */
  feedHtmlSha256?: string;
}

/**
 * What the site keeps of an archived source: not its text, which is most of it. The source's
 * page reads the text from the archived file when it is rendered (see archived-text.ts).
 */
export type PublishedSource = Omit<ArchivedSource, 'text'>;

/** The graph as published: backlinks are cross-references without positions. */
export interface PublishedGraph extends Omit<ContentGraph, 'backlinks'> {
  backlinks: Record<string, PublishedCrossReference[]>;
}

export interface PublishedContent {
  /** Published digests, `notes` emptied, in the order given. */
  digests: PublishedDigest[];
  /** The published digests' rendered HTML, page and feed, by its SHA-256. */
  renderedHtml: Map<string, string>;
  entities: Entity[];
  /** Archived sources cited by at least one published digest. */
  sources: PublishedSource[];
  graph: PublishedGraph;
}

// The fields the site does not keep are left out by destructuring them into unused parameters.
const publishedClaim = ({
  assessmentHtml: _assessmentHtml,
  position: _position,
  ...claim
}: Claim): PublishedClaim => claim;
const publishedCrossReference = ({
  position: _position,
  ...reference
}: CrossReference): PublishedCrossReference => reference;
const publishedMentions = (mentions: readonly EntityMention[]): PublishedMention[] =>
  [...new Set(mentions.map((mention) => mention.entityId))].map((entityId) => ({ entityId }));
const publishedDigest = ({
  text: _text,
  html,
  absoluteHtml,
  claims,
  links,
  mentions,
  ...digest
}: Digest): PublishedDigest => ({
  ...digest,
  htmlSha256: htmlSha256(html),
  ...(absoluteHtml === undefined ? {} : { feedHtmlSha256: htmlSha256(absoluteHtml) }),
  notes: [],
  claims: claims.map(publishedClaim),
  links: links.map(publishedCrossReference),
  mentions: publishedMentions(mentions),
});
const publishedSource = ({ text: _text, ...source }: ArchivedSource): PublishedSource => source;

/** `digestId#claimId`, the key the graph uses for claims. */
function digestOfClaimKey(key: string): string {
  const hash = key.indexOf('#');
  return hash === -1 ? key : key.slice(0, hash);
}

export function publishedContent(content: LinkedContent): PublishedContent {
  const published = new Set(
    content.digests.filter((digest) => digest.status === 'published').map((digest) => digest.id),
  );
  const isPublishedClaim = (key: string): boolean => published.has(digestOfClaimKey(key));
  const publishedDigests = content.digests.filter((digest) => published.has(digest.id));
  const digests = publishedDigests.map(publishedDigest);
  // Each digest's HTML under the hash `publishedDigest` gave it (hashed once per digest).
  const renderedHtml = new Map<string, string>();
  for (const [index, digest] of digests.entries()) {
    const { html, absoluteHtml } = publishedDigests[index] as Digest;
    renderedHtml.set(digest.htmlSha256, html);
    if (digest.feedHtmlSha256 !== undefined && absoluteHtml !== undefined) {
      renderedHtml.set(digest.feedHtmlSha256, absoluteHtml);
    }
  }

  // A published link to a draft is the parser's `link-to-draft` error, so it never gets here.
  const citedSourceIds = new Set<string>();
  for (const digest of digests) {
    for (const reference of digest.sources) {
      if (reference.archivedSourceId !== undefined) citedSourceIds.add(reference.archivedSourceId);
    }
    for (const link of digest.links) {
      if (link.target.kind === 'source') citedSourceIds.add(link.target.sourceId);
    }
  }
  const sources = content.sources
    .filter((source) => citedSourceIds.has(source.id))
    .map(publishedSource);

  const { graph } = content;
  const filterClaimIndex = (index: Record<string, string[]>): Record<string, string[]> =>
    Object.fromEntries(
      Object.entries(index)
        .map(([key, claims]) => [key, claims.filter(isPublishedClaim)] as const)
        .filter(([, claims]) => claims.length > 0),
    );

  const backlinks: Record<string, PublishedCrossReference[]> = {};
  for (const [digestId, references] of Object.entries(graph.backlinks)) {
    if (!published.has(digestId)) continue;
    const kept = references
      .filter((reference) => published.has(reference.fromDigestId))
      .map(publishedCrossReference);
    if (kept.length > 0) backlinks[digestId] = kept;
  }

  const entities: Record<string, EntityIndexEntry> = {};
  for (const [entityId, entry] of Object.entries(graph.entities)) {
    entities[entityId] = {
      claimsBy: entry.claimsBy.filter(isPublishedClaim),
      claimsAbout: entry.claimsAbout.filter(isPublishedClaim),
      digests: entry.digests.filter((digestId) => published.has(digestId)),
    };
  }

  const related: Record<string, string[]> = {};
  for (const [digestId, relatedIds] of Object.entries(graph.related)) {
    if (published.has(digestId)) related[digestId] = relatedIds.filter((id) => published.has(id));
  }

  const claimsByVerdict = Object.fromEntries(
    Object.entries(graph.claimsByVerdict).map(([verdict, claims]) => [
      verdict,
      claims.filter(isPublishedClaim),
    ]),
  ) as Record<VerdictId, string[]>;

  return {
    digests,
    renderedHtml,
    entities: [...content.entities],
    sources,
    graph: {
      backlinks,
      claimsByVerdict,
      claimsByClaimant: filterClaimIndex(graph.claimsByClaimant),
      claimsByDate: filterClaimIndex(graph.claimsByDate),
      entities,
      related,
      timeline: graph.timeline.filter((entry) => published.has(entry.digestId)),
    },
  };
}
