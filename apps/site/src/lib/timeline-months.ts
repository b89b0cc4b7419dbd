/**
 * The timeline (`/timeline/`) by calendar month: the parser's timeline entries (a digest's event,
 * or a claim made on a day) grouped into months and days, each entry with what its row shows.
 *
 * A page per month: at 10,000 digests the timeline in one page was 13 MB of HTML with a chart
 * 100,000 pixels wide. A month's page keeps its address as the archive grows, and a new digest
 * changes only the pages of the months its event and claims fall in.
 */
import type { VerdictId } from '@fact-digest/parser';
import { claimKey, type SiteContent } from './site-content.ts';

export type TimelineRow =
  | { kind: 'event'; digest: { id: string; title: string } }
  | {
      kind: 'claim';
      digest: { id: string; title: string };
      claim: { id: string; quote: string; verdict: VerdictId };
      claimantName: string;
    };

export interface TimelineDay {
  /** `YYYY-MM-DD`. */
  date: string;
  rows: TimelineRow[];
}

export interface TimelineMonth {
  /** `YYYY-MM`, also the month page's address (`/timeline/2025-06/`). */
  month: string;
  /** The month's days that have entries, in date order. */
  days: TimelineDay[];
  events: number;
  claims: number;
}

/**
 * Every month with an entry, in date order. Throws on an entry naming a digest or claim that is
 * not in the content: the graph is built from the same content, so that is a bug, not something
 * to leave off the page unnoticed.
 */
export function timelineMonths(
  content: Pick<SiteContent, 'graph' | 'digestById' | 'claimByKey' | 'entityById'>,
): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const entry of content.graph.timeline) {
    const digest = content.digestById.get(entry.digestId);
    if (!digest)
      throw new Error(
        `The timeline names digest ${entry.digestId}, which is not in the content set.`,
      );
    const digestLink = { id: digest.id, title: digest.title };
    let row: TimelineRow;
    if (entry.claimId === undefined) {
      row = { kind: 'event', digest: digestLink };
    } else {
      const key = claimKey(digest.id, entry.claimId);
      const found = content.claimByKey.get(key);
      if (!found)
        throw new Error(`The timeline names claim ${key}, which is not in the content set.`);
      const { claim } = found;
      row = {
        kind: 'claim',
        digest: digestLink,
        claim: { id: claim.id, quote: claim.quote, verdict: claim.verdict },
        claimantName: content.entityById.get(claim.claimant)?.name ?? claim.claimant,
      };
    }

    const monthId = entry.date.slice(0, 7);
    let month = months.at(-1);
    if (month?.month !== monthId) {
      month = { month: monthId, days: [], events: 0, claims: 0 };
      months.push(month);
    }
    let day = month.days.at(-1);
    if (day?.date !== entry.date) {
      day = { date: entry.date, rows: [] };
      month.days.push(day);
    }
    day.rows.push(row);
    if (row.kind === 'event') month.events += 1;
    else month.claims += 1;
  }
  return months;
}
