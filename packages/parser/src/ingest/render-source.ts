/** The archived source file: provenance frontmatter, then the clean text exactly as hashed. */
import { stringify } from 'yaml';
import type { ArchivedSourceFrontmatter } from '../format/schema.ts';
import type { IngestResult } from './ingest-result.ts';

export function sourceFrontmatter(result: IngestResult): ArchivedSourceFrontmatter {
  const frontmatter: ArchivedSourceFrontmatter = {
    title: result.title,
    publisher: result.publisher,
    published: result.published,
    received: result.received,
    contentHash: result.contentHash,
  };
  if (result.url) frontmatter.url = result.url;
  if (result.feed) frontmatter.feed = result.feed;
  return frontmatter;
}

export function renderSource(result: IngestResult): string {
  const { title, publisher, url, feed, published, received, contentHash } =
    sourceFrontmatter(result);
  // Key order as editors read it: what, who, where, when, then the integrity check.
  const ordered = Object.fromEntries(
    Object.entries({ title, publisher, url, feed, published, received, contentHash }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n${result.body}`;
}
