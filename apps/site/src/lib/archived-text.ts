/**
 * The text of an archived source, read from its file when its page is rendered. The loader does
 * not store it: it is most of what a source is, every stored byte is bundled into the build and
 * held in memory while all pages render, and only the source's own page shows it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentHash, parseContentFile } from '@fact-digest/parser';
import type { PublishedSource } from '../loaders/published-content.ts';

/**
 * The archived text exactly as the parser reads it (the body after the frontmatter), from the
 * source's file in `contentDir`. Throws when the file no longer holds the source the loader
 * published (edited or replaced since).
 */
export async function archivedText(source: PublishedSource, contentDir: string): Promise<string> {
  const bytes = await readFile(path.join(contentDir, source.file));
  const parsed = parseContentFile({ path: source.file, bytes });
  const reread = parsed.kind === 'source' ? parsed.source : undefined;
  // The loader published the source only if its text matched `contentHash`, so the hash of the
  // text read now says whether it is still that text.
  if (reread?.id !== source.id || contentHash(reread.text) !== source.contentHash) {
    throw new Error(
      `${source.file} changed after the content was loaded: it no longer holds archived source ${source.id} with content hash ${source.contentHash}.`,
    );
  }
  return reread.text;
}
