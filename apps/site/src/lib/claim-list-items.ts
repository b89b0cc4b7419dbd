/**
 * What a claim in a list of claims from several digests shows (`ClaimList.astro`): the claim,
 * its claimant's name and the title of the digest that assesses it.
 */
import type { PublishedClaim, PublishedDigest } from '../loaders/published-content.ts';
import type { ClaimInDigest, SiteContent } from './site-content.ts';

/**
 * Claims on one page of a claim list (the list of all claims, and each verdict's): at 10,000
 * digests the list of all claims was an 18 MB page, each verdict's about 3 MB, and rendering
 * them together, first of all pages, was the build's memory peak (BENCHMARKS.md, fix 41).
 */
export const claimsPerPage = 50;

export interface ClaimListItem {
  claim: Pick<PublishedClaim, 'id' | 'quote' | 'claimant' | 'date' | 'verdict'>;
  /** The claimant entity's name, or its id when the registry has no such entity. */
  claimantName: string;
  digest: Pick<PublishedDigest, 'id' | 'title'>;
}

export function claimListItems(
  content: Pick<SiteContent, 'entityById'>,
  claims: readonly ClaimInDigest[],
): ClaimListItem[] {
  return claims.map(({ claim, digest }) => ({
    claim: {
      id: claim.id,
      quote: claim.quote,
      claimant: claim.claimant,
      date: claim.date,
      verdict: claim.verdict,
    },
    claimantName: content.entityById.get(claim.claimant)?.name ?? claim.claimant,
    digest: { id: digest.id, title: digest.title },
  }));
}
