/**
 * What the loader produced that pages read back, kept in files named by their SHA-256 under
 * Astro's cache directory instead of in the data store: each digest's rendered HTML (`.html`,
 * page and feed) and the published content set itself (`.json`, see fact-digest-loader.ts).
 *
 * Astro bundles the whole data store into the server build as one module (a `JSON.parse` of one
 * string literal) and holds it in memory while every page renders. At 10,000 digests that module
 * was 38 MB, and bundling it left about 1.1 GiB of the build process resident outside the
 * JavaScript heap until the build ended. A digest's HTML is read by two pages only (its own page,
 * and the site feed its feed HTML); the content set is read once per build. The data store keeps
 * only the hashes; a reader checks the hash, so a file changed or lost since the content was
 * loaded fails the build instead of publishing other text.
 *
 * Files are named by content, so a file is never rewritten, and two loads of the same content
 * (a build, or a dev server reloading) write nothing new.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeWholeFile } from '../whole-files.ts';
import { fileOperationQueue } from './file-operation-queue.ts';

/** What a stored file holds, and so its extension. */
export type StoredFileKind = 'html' | 'json';

export function contentSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const storedFileName = (sha256: string, kind: StoredFileKind): string => `${sha256}.${kind}`;

/**
 * Makes `dir` hold exactly the given files (text by file name, see `storedFileName`): writes
 * those that are missing (each through a temporary name, so a reader never sees half a file) and
 * deletes the rest, which belong to content that no longer exists.
 */
export async function syncContentStore(
  dir: string,
  textByFileName: ReadonlyMap<string, string>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const present = new Set(await readdir(dir));
  const queue = fileOperationQueue();
  for (const [name, text] of textByFileName) {
    if (present.has(name)) continue;
    queue.add(() => writeWholeFile(path.join(dir, name), text));
  }
  for (const name of present) {
    if (!textByFileName.has(name)) queue.add(() => rm(path.join(dir, name), { force: true }));
  }
  await queue.drain();
}

/**
 * The text stored under `sha256`; throws, naming what to do, when it is missing or changed.
 * The message names it as `what` of `owner`: say, the `feed HTML` of `digests/a.md`.
 *
 * Read synchronously: pages read about 20,000 stored files in a 10,000-digest build, and an
 * awaited `readFile` costs several trips through libuv's thread pool (open, stat, read, close)
 * where `readFileSync` of a small file costs a few microseconds.
 */
export function readStoredText(
  dir: string,
  file: { sha256: string; kind: StoredFileKind },
  owner: string,
  what: string,
): string {
  const stored = path.join(dir, storedFileName(file.sha256, file.kind));
  let text: string;
  try {
    text = readFileSync(stored, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `The ${what} of ${owner} (${stored}) is missing: it was deleted after the content was loaded. Build again.`,
      { cause: error },
    );
  }
  if (contentSha256(text) !== file.sha256) {
    throw new Error(
      `The ${what} of ${owner} (${stored}) changed after the content was loaded. Build again.`,
    );
  }
  return text;
}
