/**
 * Settings read once, at build time: the absolute address the site is published at (feeds,
 * canonical links and structured data need absolute URLs) and the publication's name.
 */

/** Absolute site URL, always ending in `/`. */
export const siteUrl: string = new URL(process.env['SITE_URL'] ?? 'https://fact-digest.example/')
  .href;

/** The publication, as named in feeds, page titles and ClaimReview `author`. */
export const publication = {
  name: 'Fact Digest',
  description: 'Fact-check digests: what was claimed about the news, and what the evidence says.',
  language: 'en',
} as const;
