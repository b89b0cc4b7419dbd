/**
 * Where content is published on the site (content/README.md, "Cross-references"): the paths
 * cross-references are rewritten to, and the page a digest's absolute-link HTML is resolved
 * against. One place, so the two cannot disagree.
 */
export const digestPath = (id: string): string => `/digests/${id}/`;
export const claimPath = (digestId: string, claimId: string): string =>
  `${digestPath(digestId)}#claim-${claimId}`;
export const entityPath = (id: string): string => `/entities/${id}/`;
export const sourcePath = (id: string): string => `/sources/${id}/`;
