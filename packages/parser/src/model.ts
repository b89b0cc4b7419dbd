/**
 * The typed content model: what the parser produces from the files in a content directory, and
 * what the site, the feed and the editor tools consume. Everything here is plain data
 * (JSON-serialisable), so it can be stored by Astro's content layer as it is.
 */
import type {
  ArchivedSourceFrontmatter,
  Correction,
  DigestStatus,
  EntityKind,
  SourceReference,
} from './format/schema.ts';
import type { VerdictId } from './format/verdicts.ts';

/** 1-based line and column in the editor's file, as printed in `file:line:col`. */
export interface Position {
  line: number;
  column: number;
}

/** A claim: one `:::claim` block of a digest. */
export interface Claim {
  /** Unique within its digest; the page anchor is `claim-<id>`. */
  id: string;
  digestId: string;
  /** The claim, verbatim, as the claimant made it (the blockquote of the claim block). */
  quote: string;
  /** Entity id of whoever made the claim. */
  claimant: string;
  /** Id of the digest's source the claim appeared in. */
  source: string;
  /** When the claim was made, `YYYY-MM-DD`. */
  date: string;
  verdict: VerdictId;
  /** Entity ids the claim is about: explicit `about=` ids and entities mentioned in the quote. */
  about: string[];
  /** The editor's assessment, rendered and sanitised, with cross-references rewritten to site URLs. */
  assessmentHtml: string;
  position: Position;
}

/** What a cross-reference points at, resolved to the site. */
export type CrossReferenceTarget =
  | { kind: 'digest'; digestId: string }
  | { kind: 'claim'; digestId: string; claimId: string }
  | { kind: 'entity'; entityId: string }
  | { kind: 'source'; sourceId: string };

/** A relative Markdown link from one digest to another content file. */
export interface CrossReference {
  /** The digest the link is written in. */
  fromDigestId: string;
  /** The claim block the link is written in, if any. */
  fromClaimId?: string;
  target: CrossReferenceTarget;
  /** The link text as written. */
  text: string;
  /** Site path the link was rewritten to, such as `/digests/2025-06-12-exchange/#claim-count`. */
  href: string;
  position: Position;
}

/** An entity named in a digest, by explicit link or by one of its aliases. */
export interface EntityMention {
  entityId: string;
  digestId: string;
  /** The claim block the mention is in, if any. */
  claimId?: string;
  /** The text that matched (the alias or the link text). */
  text: string;
  via: 'link' | 'alias';
  position: Position;
}

export interface Digest {
  id: string;
  /** Path of the Markdown file relative to the content directory, with `/` separators. */
  file: string;
  title: string;
  eventDate: string;
  published: string;
  updated?: string;
  conclusion: string;
  status: DigestStatus;
  sources: DigestSource[];
  tags: string[];
  corrections: Correction[];
  /** Editor-only notes; never rendered on the site. */
  notes: string[];
  claims: Claim[];
  /** The whole body rendered to sanitised HTML, claims included, links rewritten. */
  html: string;
  /**
   * `html` with every link and image address absolute, resolved against the digest's page on the
   * site, for readers that get the HTML without the page (feed readers). Present only when the
   * digest was parsed with `ParseOptions.siteUrl`.
   */
  absoluteHtml?: string;
  /** Plain text of the body, for search and descriptions. */
  text: string;
  links: CrossReference[];
  mentions: EntityMention[];
}

export interface Entity {
  id: string;
  file: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description: string;
  wikidata?: string;
  /** Optional longer notes from the entity file's body, rendered. */
  html: string;
}

export interface ArchivedSource extends Omit<ArchivedSourceFrontmatter, 'id'> {
  id: string;
  file: string;
  /** The archived text exactly as received (the body after the frontmatter). */
  text: string;
}

/** A source as listed in a digest's frontmatter, with its archived copy resolved. */
export interface DigestSource extends SourceReference {
  /** Id of the archived copy in `sources/` that `archived` links to, once resolved. */
  archivedSourceId?: string;
}

/** One row of the timeline: a digest's event, or a claim made on a day. */
export interface TimelineEntry {
  date: string;
  digestId: string;
  claimId?: string;
}

/** Everything a reader can navigate from one entity. */
export interface EntityIndexEntry {
  /** Claims the entity made, as `digestId#claimId` keys. */
  claimsBy: string[];
  /** Claims about the entity. */
  claimsAbout: string[];
  /** Digests that mention the entity anywhere. */
  digests: string[];
}

/**
 * The cross-reference graph over all digests, entities and sources. Claims are keyed
 * `digestId#claimId`. Every list is sorted, so the graph does not depend on file order.
 * `Link` is the kind of cross-reference it was built from: the parser's, or a consumer's own
 * shape of one (the site's have no positions).
 */
export interface ContentGraph<Link = CrossReference> {
  /** Incoming cross-references per digest id ("Referenced by"). */
  backlinks: Record<string, Link[]>;
  claimsByVerdict: Record<VerdictId, string[]>;
  claimsByClaimant: Record<string, string[]>;
  claimsByDate: Record<string, string[]>;
  entities: Record<string, EntityIndexEntry>;
  /** Digests sharing entities or cross-references with each digest, most related first. */
  related: Record<string, string[]>;
  /** In date order. */
  timeline: TimelineEntry[];
}
