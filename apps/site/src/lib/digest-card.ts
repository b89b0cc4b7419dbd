/**
 * What a digest card in a list shows (`DigestCard.astro`): pages with a cache key pass this,
 * not the whole digest, so their key covers the card and not the digest's body.
 */
import type { Page } from 'astro';
import type { PublishedClaim, PublishedDigest } from '../loaders/published-content.ts';
import { pagesOf } from './list-pages.ts';
import type { SiteContent } from './site-content.ts';

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

/** Digest cards on one page of the list of all digests. */
export const digestsPerPage = 50;

/** The list of all digests, newest first, in pages (`/digests/`, `/digests/page/2/`, …). */
export function digestListPages(
  content: Pick<SiteContent, 'digests'>,
): [Page<DigestCardView>, ...Page<DigestCardView>[]] {
  return pagesOf('/digests/', content.digests.map(digestCard), digestsPerPage);
}
