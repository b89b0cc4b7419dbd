/**
 * Every site address in one place, so pages, feeds, structured data and tests agree. All paths
 * end in `/` (the build writes `<path>/index.html`).
 */
import type { VerdictId } from '@fact-digest/parser';

export const digestPath = (digestId: string): string => `/digests/${digestId}/`;

/** A claim's permalink: the claim's anchor on its digest page. */
export const claimPath = (digestId: string, claimId: string): string =>
  `${digestPath(digestId)}#${claimAnchor(claimId)}`;

export const claimAnchor = (claimId: string): string => `claim-${claimId}`;

export const entityPath = (entityId: string): string => `/entities/${entityId}/`;
export const entityFeedPath = (entityId: string): string => `/entities/${entityId}/rss.xml`;
export const sourcePath = (sourceId: string): string => `/sources/${sourceId}/`;
export const tagPath = (tag: string): string => `/tags/${tag}/`;
/** The timeline's page for a month, `YYYY-MM`. */
export const timelineMonthPath = (month: string): string => `/timeline/${month}/`;
export const verdictPath = (verdictId: VerdictId): string => `/claims/${verdictId}/`;
export const feedPath = '/rss.xml';

/** An absolute URL on the published site. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}
