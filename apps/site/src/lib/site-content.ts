/**
 * The published content as pages read it: the `contentSet` collection (one entry, naming the
 * content set the fact-digest loader stored) read and indexed by read-site-content.ts.
 */
import { getCollection } from 'astro:content';
import { verdicts, type Verdict } from '@fact-digest/parser';
import type { PublishedClaim as Claim } from '../loaders/published-content.ts';
import { contentSetEntryId, type ContentSetEntry } from '../loaders/content-entry.ts';
import { readSiteContent, type ClaimInDigest, type SiteContent } from './read-site-content.ts';

export {
  claimKey,
  compareText,
  type ClaimInDigest,
  type SiteContent,
  type SourceCitation,
} from './read-site-content.ts';

/**
 * The site content, read and indexed once per build: every page calls this, and rebuilding the
 * sorted lists and lookups per page made the build quadratic in the number of digests. In
 * `astro dev` the content can change between requests, so there it is read again whenever the
 * loader has stored a different content set.
 */
export async function getSiteContent(): Promise<SiteContent> {
  if (!import.meta.env.DEV) {
    builtSiteContent ??= contentSetEntry().then(readSiteContent);
    return builtSiteContent;
  }
  const entry = await contentSetEntry();
  if (devSiteContent?.sha256 !== entry.contentSetSha256) {
    const content = readSiteContent(entry);
    devSiteContent = { sha256: entry.contentSetSha256, content };
    // A failed read is not kept: the next request tries again.
    content.catch(() => {
      if (devSiteContent?.content === content) devSiteContent = undefined;
    });
  }
  return devSiteContent.content;
}

let builtSiteContent: Promise<SiteContent> | undefined;
let devSiteContent: { sha256: string; content: Promise<SiteContent> } | undefined;

/** The one entry the loader stores: where it kept the published content set. */
async function contentSetEntry(): Promise<ContentSetEntry> {
  const entries = await getCollection('contentSet');
  const entry = entries.find(({ id }) => id === contentSetEntryId);
  if (entry === undefined) {
    throw new Error(
      `The contentSet collection has no "${contentSetEntryId}" entry: the fact-digest loader did not run (see src/content.config.ts).`,
    );
  }
  return entry.data;
}

/** Resolves claim keys from the graph to claims, skipping none silently: a missing key throws. */
export function claimsFor(content: SiteContent, keys: readonly string[]): ClaimInDigest[] {
  return keys.map((key) => {
    const found = content.claimByKey.get(key);
    if (!found) throw new Error(`The graph names claim ${key}, which is not in the content set.`);
    return found;
  });
}

/** How many claims a digest has of each verdict, in scale order, verdicts with none left out. */
export function verdictCounts(
  claims: readonly Pick<Claim, 'verdict'>[],
): { verdict: Verdict; count: number }[] {
  return verdicts
    .map((verdict) => ({
      verdict,
      count: claims.filter((claim) => claim.verdict === verdict.id).length,
    }))
    .filter(({ count }) => count > 0);
}
