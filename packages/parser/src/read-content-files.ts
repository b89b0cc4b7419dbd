/**
 * Reads the Markdown files of a content directory as bytes, so the parser can report bytes that
 * are not valid UTF-8 instead of silently replacing them. Shared by `loadContent` and by loaders
 * that cache phase 1 per file, so every reader sees the same files in the same order.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContentFileBytes } from './pipeline/parse-content-file.ts';

const contentFolders = ['digests', 'entities', 'sources'] as const;

/** Every `.md` file in `digests/`, `entities/` and `sources/`, paths relative to `contentDir`. */
export async function readContentFiles(contentDir: string): Promise<ContentFileBytes[]> {
  const root = resolve(contentDir);
  const files: ContentFileBytes[] = [];
  for (const folder of contentFolders) {
    let names: string[];
    try {
      names = await readdir(join(root, folder));
    } catch (error) {
      // A content directory may lack a folder (no archived sources yet): that is not an error.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names.filter((entry) => entry.endsWith('.md')).sort()) {
      files.push({ path: `${folder}/${name}`, bytes: await readFile(join(root, folder, name)) });
    }
  }
  return files;
}
