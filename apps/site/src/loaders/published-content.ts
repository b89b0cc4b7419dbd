/**
 * The published view of a content set: what the site may show. Drafts are removed here, once,
 * before anything is stored, so no page, feed, sitemap entry or search record can reach them.
 * The site's cross-reference graph is built from the published digests alone (`publishedGraph`),
 * so no graph edge, claim key or timeline row can start at a draft either, whatever graph the
 * parser built.
 * Editor-only notes are dropped from every digest. Archived sources are published only when a
 * published digest cites them (a source ingested for an unpublished digest stays private).
 */
import {
  buildContentGraph,
  type ArchivedSource,
  type Claim,
  type ContentGraph,
  type CrossReference,
  type Digest,
  type Entity,
  type EntityMention,
} from '@fact-digest/parser';
import { contentSha256 } from './content-store.ts';

export interface LinkedContent {
  digests: readonly Digest[];
  entities: readonly Entity[];
  sources: readonly ArchivedSource[];
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
 * The rendered HTML, half of what a digest is, is kept outside the store (see content-store.ts): a
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
export type PublishedGraph = ContentGraph<PublishedCrossReference>;

export interface PublishedContent {
  /** Published digests, `notes` emptied, in the order given. */
  digests: PublishedDigest[];
  /** The published digests' rendered HTML, page and feed, by its SHA-256. */
  renderedHtml: Map<string, string>;
  entities: Entity[];
  /** Archived sources cited by at least one published digest. */
  sources: PublishedSource[];
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
  htmlSha256: contentSha256(html),
  ...(absoluteHtml === undefined ? {} : { feedHtmlSha256: contentSha256(absoluteHtml) }),
  notes: [],
  claims: claims.map(publishedClaim),
  links: links.map(publishedCrossReference),
  mentions: publishedMentions(mentions),
});
const publishedSource = ({ text: _text, ...source }: ArchivedSource): PublishedSource => source;

export function publishedContent(content: LinkedContent): PublishedContent {
  const published = new Set(
    content.digests.filter((digest) => digest.status === 'published').map((digest) => digest.id),
  );
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

  return {
    digests,
    renderedHtml,
    entities: [...content.entities],
    sources,
  };
}

/**
 * The cross-reference graph of the published digests, the parser's `buildContentGraph` over what
 * the site stored. The loader does not store the graph it built: Astro serialises the data store
 * on every build (devalue), bundles it into the build as one module and parses it again to
 * render. At 10,000 digests the graph was 9 of the store's 47 MB, and serialising it alone took
 * 4 s; building it again here takes 1.4–2 s. Built from published digests only, it has no edge,
 * claim key or timeline row that starts at a draft.
 */
export function publishedGraph(
  digests: readonly PublishedDigest[],
  entities: readonly Pick<Entity, 'id'>[],
): PublishedGraph {
  return buildContentGraph(digests, entities);
}
