/**
 * Rendered digest HTML, kept in files named by their SHA-256 under Astro's cache directory
 * instead of in the data store. Astro bundles the whole data store into the server build as one
 * module and holds it in memory while every page renders, but a digest's HTML is read by two
 * pages only (the digest's own page, and the site feed its feed HTML, the same with absolute
 * links), and it was half of the store. The store keeps the hashes; a page reads the file when
 * it renders and checks the hash, so a file changed or lost since the content was loaded fails
 * the build instead of publishing other text.
 *
 * Files are named by content, so a file is never rewritten, and two loads of the same content
 * (a build, or a dev server reloading) write nothing new.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileOperationQueue } from './file-operation-queue.ts';

export function htmlSha256(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}

const fileName = (sha256: string): string => `${sha256}.html`;

/**
 * Makes `dir` hold exactly the given HTML, each under its hash: writes the files that are
 * missing (each through a temporary name, so a reader never sees half a file) and deletes the
 * rest, which belong to content that no longer exists.
 */
export async function syncHtmlStore(
  dir: string,
  htmlBySha256: ReadonlyMap<string, string>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const present = new Set(await readdir(dir));
  const missing = [...htmlBySha256].filter(([sha256]) => !present.has(fileName(sha256)));
  const wanted = new Set([...htmlBySha256.keys()].map(fileName));
  const stale = [...present].filter((name) => !wanted.has(name));
  const queue = fileOperationQueue();
  for (const [sha256, html] of missing) {
    queue.add(async () => {
      const file = path.join(dir, fileName(sha256));
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, html);
      await rename(temporary, file);
    });
  }
  for (const name of stale) queue.add(() => rm(path.join(dir, name), { force: true }));
  await queue.drain();
}

/**
 * The HTML stored under `sha256`; throws, naming what to do, when it is missing or changed.
 * `what` names the HTML in the message: the page's (`rendered HTML`) or the feed's.
 */
export async function readStoredHtml(
  dir: string,
  sha256: string,
  owner: string,
  what = 'rendered HTML',
): Promise<string> {
  const file = path.join(dir, fileName(sha256));
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `The ${what} of ${owner} (${file}) is missing: it was deleted after the content was loaded. Build again.`,
      { cause: error },
    );
  }
  if (htmlSha256(html) !== sha256) {
    throw new Error(
      `The ${what} of ${owner} (${file}) changed after the content was loaded. Build again.`,
    );
  }
  return html;
}
