/**
 * The pure part of ingest: one received article in, a typed `IngestResult` out. Runs the stages
 * in order (clean → segment → resolve dates → group events → extract claims → find entities)
 * and never touches disk, so it is tested on text alone.
 */
import { createHash } from 'node:crypto';
import { calendarDate, timestamp } from '../format/schema.ts';
import { cleanText } from './clean-text.ts';
import type { EntityRegistry } from './entity-registry.ts';
import { resolveEntityName } from './entity-registry.ts';
import { extractClaims } from './extract-claims.ts';
import { findEntities } from './find-entities.ts';
import { groupEvents } from './group-events.ts';
import { IngestError } from './ingest-error.ts';
import type { IngestResult, ReceivedArticle } from './ingest-result.ts';
import { findFullestDate, resolveDates } from './resolve-dates.ts';
import { segmentSentences } from './segment-sentences.ts';

export interface AnalyseOptions {
  /** The entity registry claimants and names are matched against. */
  registry: EntityRegistry;
  /** Today, `YYYY-MM-DD`: when the article was received. */
  received: string;
  /** Overrides the publisher the article names (or fails to name). */
  publisher?: string;
  /** Overrides the publication date (`YYYY-MM-DD`). */
  published?: string;
  /** Overrides the article's URL. */
  url?: string;
}

/** `sha256-` and the hex SHA-256 of the text: the archived source's `contentHash`. */
export function contentHashOf(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** A short title from the lede when the article has none: its first clause, at most 12 words. */
export function titleFromLede(lede: string): string {
  const clause = lede.split(/,\s/)[0] ?? lede;
  const words = clause.replace(/[.!?]+$/, '').split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}

export function analyseArticle(article: ReceivedArticle, options: AnalyseOptions): IngestResult {
  const warnings: string[] = [];
  const clean = cleanText(article.text);
  const sentences = segmentSentences(clean.paragraphs);
  const lede = sentences[0];
  if (!lede) throw new IngestError(article.origin, 'the article has no text to ingest');

  const publisher = options.publisher ?? article.publisher ?? clean.attribution?.publisher;
  if (!publisher) {
    throw new IngestError(
      article.origin,
      'no publisher found (no feed title, no "From … via this RSS feed" line): pass --publisher NAME',
    );
  }

  let published = options.published ?? article.published;
  if (published === undefined) {
    published = findFullestDate(clean.text);
    if (published) {
      warnings.push(
        `Publication date ${published} taken from the text (the fullest date it gives).`,
      );
    }
  }
  if (published === undefined) {
    published = options.received;
    warnings.push(
      `No publication date found: used the day it was received (${published}); pass --date.`,
    );
  }
  if (!timestamp.safeParse(published).success) {
    throw new IngestError(
      article.origin,
      `publication date ${published} is not a date (YYYY-MM-DD)`,
    );
  }
  const publicationDate = published.slice(0, 10);
  if (!calendarDate.safeParse(publicationDate).success) {
    throw new IngestError(article.origin, `publication date ${published} is not a calendar date`);
  }

  const dates = sentences.map((sentence) =>
    resolveDates(sentence.text, publicationDate, sentence.offset),
  );
  const grouping = groupEvents(sentences, dates, publicationDate);
  const publisherEntityId = resolveEntityName(options.registry, publisher);
  const claims = extractClaims({
    sentences,
    dates,
    sentenceEvents: grouping.sentenceEvents,
    registry: options.registry,
    publisher,
    publisherEntityId,
  });
  const body = `${clean.text}\n`;

  const result: IngestResult = {
    origin: article.origin,
    title: article.title ?? titleFromLede(lede.text),
    publisher,
    published,
    publicationDate,
    received: options.received,
    clean,
    body,
    contentHash: contentHashOf(body),
    receivedHash: contentHashOf(article.text),
    captions: clean.paragraphs
      .filter((paragraph) => paragraph.kind === 'caption')
      .map((paragraph) => ({
        text: paragraph.text,
        dates: resolveDates(paragraph.text, publicationDate).flatMap((mention) =>
          mention.kind === 'date' ? [mention.date] : [],
        ),
      })),
    sentences,
    dates,
    events: grouping.events,
    forecasts: grouping.forecasts,
    claims,
    entities: findEntities(options.registry, clean.text, claims),
    warnings,
  };
  if (publisherEntityId) result.publisherEntityId = publisherEntityId;
  const url = options.url ?? article.url;
  if (url) result.url = url;
  const feed =
    article.feed ?? (clean.attribution ? { title: clean.attribution.feedTitle } : undefined);
  if (feed) result.feed = feed;
  return result;
}
