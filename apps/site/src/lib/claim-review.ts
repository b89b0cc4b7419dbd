/**
 * schema.org ClaimReview for each reviewed claim of a digest (https://schema.org/ClaimReview;
 * field choices follow Google's fact-check markup guidance). A pending claim has no review yet,
 * so it gets none; verdicts that are not a position on the true/false scale carry no
 * `ratingValue`, only their label as `alternateName`.
 */
import { getVerdict, isReviewed, ratingScale, type Entity } from '@fact-digest/parser';
import type { PublishedDigest as Digest } from '../loaders/published-content.ts';
import { publication } from '../site-settings.ts';
import { absoluteUrl, claimPath, sourcePath } from './site-paths.ts';
import type { SiteContent } from './site-content.ts';

const schemaTypeOfKind: Record<Entity['kind'], string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
};

function claimantOf(content: SiteContent, entityId: string, site: string | URL): object {
  const entity = content.entityById.get(entityId);
  if (!entity) return { '@type': 'Thing', name: entityId };
  return {
    '@type': schemaTypeOfKind[entity.kind],
    name: entity.name,
    url: absoluteUrl(`/entities/${entity.id}/`, site),
    ...(entity.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${entity.wikidata}` } : {}),
  };
}

export function claimReviews(digest: Digest, content: SiteContent, site: string | URL): object[] {
  return digest.claims
    .filter((claim) => isReviewed(claim.verdict))
    .map((claim) => {
      const verdict = getVerdict(claim.verdict);
      const source = digest.sources.find((reference) => reference.id === claim.source);
      const archived = content.archivedSourceOf(digest, claim.source);
      const appearanceUrl =
        source?.url ?? (archived ? absoluteUrl(sourcePath(archived.id), site) : undefined);
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: absoluteUrl(claimPath(digest.id, claim.id), site),
        claimReviewed: claim.quote,
        datePublished: digest.published,
        ...(digest.updated ? { dateModified: digest.updated } : {}),
        author: { '@type': 'Organization', name: publication.name, url: new URL('/', site).href },
        reviewRating: {
          '@type': 'Rating',
          ...(verdict.ratingValue === null ? {} : { ratingValue: verdict.ratingValue }),
          bestRating: ratingScale.bestRating,
          worstRating: ratingScale.worstRating,
          alternateName: verdict.label,
        },
        itemReviewed: {
          '@type': 'Claim',
          author: claimantOf(content, claim.claimant, site),
          datePublished: claim.date,
          ...(source
            ? {
                appearance: {
                  '@type': 'CreativeWork',
                  headline: source.title,
                  ...(appearanceUrl ? { url: appearanceUrl } : {}),
                  datePublished: source.published,
                  publisher: { '@type': 'Organization', name: source.publisher },
                },
              }
            : {}),
        },
      };
    });
}
