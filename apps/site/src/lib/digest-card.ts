/**
 * What a digest card in a list shows (`DigestCard.astro`): pages with a cache key pass this,
 * not the whole digest, so their key covers the card and not the digest's body.
 */
import type { PublishedClaim, PublishedDigest } from '../loaders/published-content.ts';

export interface DigestCardView {
  id: string;
  title: string;
  eventDate: string;
  published: string;
  updated?: string;
  conclusion: string;
  /** Only the verdicts are shown (as counts). */
  claims: Pick<PublishedClaim, 'verdict'>[];
}

export function digestCard(digest: PublishedDigest): DigestCardView {
  return {
    id: digest.id,
    title: digest.title,
    eventDate: digest.eventDate,
    published: digest.published,
    ...(digest.updated === undefined ? {} : { updated: digest.updated }),
    conclusion: digest.conclusion,
    claims: digest.claims.map((claim) => ({ verdict: claim.verdict })),
  };
}
