/**
 * What a claim in a list of claims from several digests shows (`ClaimList.astro`): the claim,
 * its claimant's name and the title of the digest that assesses it.
 */
import type { PublishedClaim, PublishedDigest } from '../loaders/published-content.ts';
import type { ClaimInDigest, SiteContent } from './site-content.ts';

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
