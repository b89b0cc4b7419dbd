/**
 * The text of an archived source, read from its file when its page is rendered. The loader does
 * not store it: it is most of what a source is, every stored byte is bundled into the build and
 * held in memory while all pages render, and only the source's own page shows it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { archivedSourceText, contentHash } from '@fact-digest/parser';
import type { PublishedSource } from '../loaders/published-content.ts';

/**
 * The archived text exactly as the parser reads it (the body after the frontmatter), from the
 * source's file in `contentDir`. Throws when the file no longer holds the source the loader
 * published (edited or replaced since).
 *
 * The file is read synchronously, as the stored HTML is (see content-store.ts's
 * `readStoredText`), and only its text is taken: the frontmatter's fields were read and checked
 * when the content was loaded, and reading them again for every source page was about 5% of a
 * 10,000-digest build's rendering.
 */
export function archivedText(source: PublishedSource, contentDir: string): string {
  const bytes = readFileSync(path.join(contentDir, source.file));
  const text = archivedSourceText({ path: source.file, bytes });
  // The loader published the source only if its text matched `contentHash`, so the hash of the
  // text read now says whether it is still that text.
  if (text === undefined || contentHash(text) !== source.contentHash) {
    throw new Error(
      `${source.file} changed after the content was loaded: it no longer holds archived source ${source.id} with content hash ${source.contentHash}.`,
    );
  }
  return text;
}
