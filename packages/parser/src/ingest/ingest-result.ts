/**
 * The typed result of the ingest pipeline: everything learnt from one article before anything
 * touches disk. Every stage adds one part; the writer turns the whole into files.
 */
import type { EntityKind } from '../format/schema.ts';

/** One article as it arrived (a feed item or a plain-text file), before cleaning. */
export interface ReceivedArticle {
  /** Where it came from, for messages: the file, plus `#<n>` for the n-th item of a feed. */
  origin: string;
  /** The article's own title, when the feed gives one. */
  title?: string;
  publisher?: string;
  url?: string;
  feed?: { title: string; url?: string };
  /** Publication date-time from the feed (`YYYY-MM-DD` or ISO date-time with zone). */
  published?: string;
  /** The body as plain text, one paragraph per line (HTML already decoded). */
  text: string;
}

export type ParagraphKind = 'paragraph' | 'caption';

export interface Paragraph {
  kind: ParagraphKind;
  text: string;
  /** Offset of the paragraph in the clean text. */
  offset: number;
}

/** The text as archived: duplicates dropped, captions recognised, the attribution line removed. */
export interface CleanArticle {
  /** Paragraphs joined by blank lines: exactly the archived body, minus its final newline. */
  text: string;
  paragraphs: Paragraph[];
  /** Lines dropped because they repeated an earlier line. */
  duplicateLines: number;
  /** The aggregator's trailing "From <publisher> - … via this RSS feed" line, when present. */
  attribution?: { line: string; publisher: string; feedTitle: string };
}

/** A photo caption: archived once, never a claim. */
export interface Caption {
  text: string;
  /** Days it names, resolved like the sentences' dates. */
  dates: string[];
}

export interface Sentence {
  /** Position in `IngestResult.sentences`. */
  index: number;
  /** Index of its paragraph in `CleanArticle.paragraphs`. */
  paragraph: number;
  /** The sentence verbatim, without surrounding whitespace. */
  text: string;
  /** Offset of `text` in the clean text. */
  offset: number;
}

/** A date written in the text, resolved against the publication date. */
export type DateMention =
  | { kind: 'date'; text: string; offset: number; date: string }
  | { kind: 'range'; text: string; offset: number; start: string; end: string }
  /** Kept as written ("earlier this month"): only meaningful relative to its anchor. */
  | { kind: 'relative'; text: string; offset: number; anchor: string };

/** A date the article expects something to happen on, after its publication. */
export interface Forecast {
  sentence: number;
  text: string;
  start: string;
  end: string;
}

/** Sentences grouped by the date of the event they report. */
export interface ArticleEvent {
  date: string;
  sentences: number[];
  /** Other event dates its sentences mention. */
  mentions: string[];
  forecasts: Forecast[];
}

export type NumberRelation = '=' | '<' | '≤' | '>' | '≥' | '≈';

/** A number a claim asserts, normalised: "up to 6,000" is `{ relation: '≤', value: 6000 }`. */
export interface ClaimNumber {
  text: string;
  value: number;
  relation: NumberRelation;
  kind: 'count' | 'ordinal' | 'year';
}

export type ClaimReason = 'attribution' | 'quotation' | 'number' | 'date';

export interface Claimant {
  /** Who made the claim, as the article names them ("the Coordination Headquarters"). */
  name: string;
  /** Registry id when the name matches an entity's name or alias. */
  entityId?: string;
  /** How the article attributes it: "said", "according to", or "reported" for the publisher's own. */
  via: string;
}

export interface CandidateClaim {
  /** Unique among the article's claims, usable as a claim id. */
  id: string;
  sentence: number;
  /** The sentence verbatim: a substring of the archived text. */
  quote: string;
  reasons: ClaimReason[];
  claimant: Claimant;
  numbers: ClaimNumber[];
  dates: DateMention[];
  /** Event dates the claim belongs to (its sentence's events). */
  events: string[];
}

export interface EntityMatch {
  entityId: string;
  /** The name or alias as written. */
  text: string;
  offset: number;
}

/** An entity the registry does not have yet, proposed to the editor in the drafts' notes. */
export interface ProposedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Other spellings seen in the article. */
  aliases: string[];
  /** Why it is proposed: it made a claim, or it is named in the text. */
  reason: 'claimant' | 'named';
}

export interface IngestResult {
  origin: string;
  title: string;
  publisher: string;
  /** Registry id of the publisher, when it has one: claims with no registry claimant fall back to it. */
  publisherEntityId?: string;
  url?: string;
  feed?: { title: string; url?: string };
  /** Publication date of the article (`YYYY-MM-DD` or ISO date-time). */
  published: string;
  /** The calendar day dates in the text are resolved against. */
  publicationDate: string;
  /** When we received it, `YYYY-MM-DD`. */
  received: string;
  clean: CleanArticle;
  /** The archived body: the clean text and a final newline. */
  body: string;
  /** `sha256-` and the hex SHA-256 of `body`. */
  contentHash: string;
  /**
   * `sha256-` and the hex SHA-256 of the text exactly as received, before cleaning: an editor
   * who archived the article by hand stored that text, and it must count as ingested too.
   */
  receivedHash: string;
  captions: Caption[];
  sentences: Sentence[];
  /** Date mentions per sentence, by sentence index. */
  dates: DateMention[][];
  events: ArticleEvent[];
  forecasts: Forecast[];
  claims: CandidateClaim[];
  entities: { matched: EntityMatch[]; proposed: ProposedEntity[] };
  /** Things the editor should know (a date guessed, a URL dropped). */
  warnings: string[];
}
