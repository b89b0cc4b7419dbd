/** The claim counts the verdict filter (`VerdictFilter.astro`) shows beside each link. */
import { verdicts, type VerdictId } from '@fact-digest/parser';
import type { SiteContent } from './site-content.ts';

export interface VerdictFilterCounts {
  /** Every published claim. */
  total: number;
  /** Claims per verdict, every verdict of the scale present (0 when none). */
  byVerdict: Record<VerdictId, number>;
}

export function verdictFilterCounts(
  content: Pick<SiteContent, 'claimByKey' | 'graph'>,
): VerdictFilterCounts {
  const byVerdict = Object.fromEntries(
    verdicts.map((verdict) => [verdict.id, content.graph.claimsByVerdict[verdict.id]?.length ?? 0]),
  ) as Record<VerdictId, number>;
  return { total: content.claimByKey.size, byVerdict };
}
