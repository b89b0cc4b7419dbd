/**
 * Everything a digest's page shows, computed from the site content when the page's path is
 * listed: the digest itself and what other content contributes (entity names, the titles of the
 * digests it links to and that link to it, related digests, which sources have an archived copy,
 * the ClaimReview data). The page renders from this alone, so its cache key can cover it
 * (see page-cache-key.ts).
 */
import type { PublishedDigest as Digest } from '../loaders/published-content.ts';
import { siteUrl } from '../site-settings.ts';
import { claimReviews } from './claim-review.ts';
import { compareText, type SiteContent } from './site-content.ts';

export interface DigestPageView {
  digest: Digest;
  /** Entities the digest's claims and text name, by name. */
  entities: { id: string; name: string }[];
  /** Per source reference id of the digest, its published archived copy's id, if it has one. */
  archivedSourceIds: Record<string, string>;
  /** Cross-references to other digests and their claims, in text order. */
  outbound: CrossReferenceRow[];
  /** One row per digest that links here, in the graph's order. */
  backlinks: BacklinkRow[];
  related: { id: string; title: string }[];
  /** schema.org ClaimReview objects, for the page's JSON-LD. */
  claimReviews: object[];
}

export interface CrossReferenceRow {
  href: string;
  text: string;
  targetTitle: string;
  /** Set when the link points at a claim. */
  claimQuote?: string;
}

export interface BacklinkRow {
  from: { id: string; title: string };
  /** Link texts written outside any claim. */
  texts: string[];
  claims: { claimId: string; quote: string; texts: string[] }[];
}

export function digestPageView(digest: Digest, content: SiteContent): DigestPageView {
  const entityIds = new Set<string>([
    ...digest.claims.flatMap((claim) => [claim.claimant, ...claim.about]),
    ...digest.mentions.map((mention) => mention.entityId),
  ]);
  const entities = [...entityIds]
    .flatMap((id) => {
      const entity = content.entityById.get(id);
      return entity ? [{ id: entity.id, name: entity.name }] : [];
    })
    .sort((a, b) => compareText(a.name, b.name));

  const archivedSourceIds: Record<string, string> = {};
  for (const source of digest.sources) {
    const archived = content.archivedSourceOf(digest, source.id);
    if (archived !== undefined) archivedSourceIds[source.id] = archived.id;
  }

  const outbound = digest.links.flatMap((link): CrossReferenceRow[] => {
    const target = link.target;
    if (target.kind !== 'digest' && target.kind !== 'claim') return [];
    const targetDigest = content.digestById.get(target.digestId);
    if (!targetDigest) return [];
    const row: CrossReferenceRow = {
      href: link.href,
      text: link.text,
      targetTitle: targetDigest.title,
    };
    if (target.kind === 'claim') {
      const claim = targetDigest.claims.find((candidate) => candidate.id === target.claimId);
      if (claim) row.claimQuote = claim.quote;
    }
    return [row];
  });

  const backlinks = new Map<string, BacklinkRow>();
  for (const reference of content.graph.backlinks[digest.id] ?? []) {
    const from = content.digestById.get(reference.fromDigestId);
    if (!from) continue;
    const row = backlinks.get(from.id) ?? {
      from: { id: from.id, title: from.title },
      texts: [],
      claims: [],
    };
    backlinks.set(from.id, row);
    if (reference.fromClaimId === undefined) {
      row.texts.push(reference.text);
      continue;
    }
    const claimId = reference.fromClaimId;
    let claimRow = row.claims.find((candidate) => candidate.claimId === claimId);
    if (!claimRow) {
      const quote = from.claims.find((claim) => claim.id === claimId)?.quote ?? claimId;
      claimRow = { claimId, quote, texts: [] };
      row.claims.push(claimRow);
    }
    claimRow.texts.push(reference.text);
  }

  const related = (content.graph.related[digest.id] ?? []).flatMap((id) => {
    const found = content.digestById.get(id);
    return found ? [{ id: found.id, title: found.title }] : [];
  });

  return {
    digest,
    entities,
    archivedSourceIds,
    outbound,
    backlinks: [...backlinks.values()],
    related,
    // The site URL is Astro's `site` setting (astro.config.ts reads it from site-settings.ts),
    // which is part of the configuration Astro hashes for the incremental build.
    claimReviews: claimReviews(digest, content, siteUrl),
  };
}
