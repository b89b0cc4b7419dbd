/**
 * Groups sentences by the date of the event they report, one group per event date, so each
 * becomes one draft digest.
 *
 * - A sentence belongs to every past date it names ("on June 13 and June 11" reports two events).
 * - A sentence naming no date continues the event of the sentence before it in its paragraph;
 *   the first such sentence of a paragraph reports on the publication day.
 * - Dates after the publication date are forecasts, not events: nothing has happened to check
 *   yet. They are recorded on the event of the sentence that makes them (the forecast is a
 *   claim made that day) and never get a draft of their own.
 * - A past range ("June 10-11") counts as an event on its first day.
 */
import type { ArticleEvent, DateMention, Forecast, Sentence } from './ingest-result.ts';

export interface EventGrouping {
  events: ArticleEvent[];
  forecasts: Forecast[];
  /** Event dates of each sentence, by sentence index. */
  sentenceEvents: string[][];
}

export function groupEvents(
  sentences: readonly Sentence[],
  dates: readonly DateMention[][],
  publicationDate: string,
): EventGrouping {
  const forecasts: Forecast[] = [];
  const sentenceEvents: string[][] = [];
  const mentioned: string[][] = [];
  let previous: { paragraph: number; events: string[] } | undefined;

  for (const sentence of sentences) {
    const own: string[] = [];
    for (const mention of dates[sentence.index] ?? []) {
      if (mention.kind === 'relative') continue;
      const start = mention.kind === 'date' ? mention.date : mention.start;
      const end = mention.kind === 'date' ? mention.date : mention.end;
      if (start > publicationDate) {
        forecasts.push({ sentence: sentence.index, text: mention.text, start, end });
      } else if (!own.includes(start)) {
        own.push(start);
      }
    }
    mentioned.push(own);
    const events =
      own.length > 0
        ? own
        : previous?.paragraph === sentence.paragraph
          ? previous.events
          : [publicationDate];
    sentenceEvents.push(events);
    previous = { paragraph: sentence.paragraph, events };
  }

  const byDate = new Map<string, ArticleEvent>();
  sentences.forEach((sentence) => {
    for (const date of sentenceEvents[sentence.index] ?? []) {
      const event = byDate.get(date) ?? { date, sentences: [], mentions: [], forecasts: [] };
      event.sentences.push(sentence.index);
      byDate.set(date, event);
    }
  });
  for (const event of byDate.values()) {
    const mentions = new Set<string>();
    for (const index of event.sentences) {
      for (const date of mentioned[index] ?? []) if (date !== event.date) mentions.add(date);
    }
    event.mentions = [...mentions].sort();
    event.forecasts = forecasts.filter((forecast) => event.sentences.includes(forecast.sentence));
  }
  return {
    events: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    forecasts,
    sentenceEvents,
  };
}
