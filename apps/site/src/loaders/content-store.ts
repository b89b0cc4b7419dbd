/**
 * What the loader produced that pages read back, kept in an SQLite database (Node's
 * `node:sqlite`) under Astro's cache directory instead of in the data store: each digest's
 * rendered HTML (page and feed) and the published content set itself, each under its SHA-256.
 *
 * Astro bundles the whole data store into the server build as one module (a `JSON.parse` of one
 * string literal) and holds it in memory while every page renders. At 10,000 digests that module
 * was 38 MB, and bundling it left about 1.1 GiB of the build process resident outside the
 * JavaScript heap until the build ended. A digest's HTML is read by two pages only (its own page,
 * and the site feed its feed HTML); the content set is read once per build. The data store keeps
 * only the hashes; a reader checks the hash, so a text changed or lost since the content was
 * loaded fails the build instead of publishing other text.
 *
 * Texts are named by content, so a text is never rewritten, and two loads of the same content
 * (a build, or a dev server reloading) write nothing new. They were a file each until creating
 * 20,000 files per forced build showed in its kernel time (BENCHMARKS.md, fix 50).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { fileOperationQueue } from './file-operation-queue.ts';

/** What a stored text holds, and so the extension of its name. */
export type StoredFileKind = 'html' | 'json';

export function contentSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const storedFileName = (sha256: string, kind: StoredFileKind): string => `${sha256}.${kind}`;

/** The database in the store's folder; anything else there is left from the file-per-text store. */
const databaseFile = 'content-store.sqlite';

/**
 * Rollback journal, no syncing to disk: a process that dies mid-write leaves the last commit, and
 * only a crash of the whole machine could damage the file, which `syncContentStore` then
 * replaces. (Write-ahead logging copied every text a second time into the database file.)
 */
const schema = `
  PRAGMA journal_mode = DELETE;
  PRAGMA synchronous = OFF;
  CREATE TABLE IF NOT EXISTS texts (name TEXT PRIMARY KEY, text TEXT NOT NULL);
`;
/** How long a reader waits for a writer's commit (a dev server reloading the content). */
const busyTimeoutMs = 10_000;

/**
 * Makes the store in `dir` hold exactly the given texts (by name, see `storedFileName`): adds
 * those that are missing and deletes the rest, which belong to content that no longer exists,
 * in one transaction, so a reader sees the store before or after, never half-way.
 */
export async function syncContentStore(
  dir: string,
  textByFileName: ReadonlyMap<string, string>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const leftovers = (await readdir(dir)).filter((name) => !name.startsWith(databaseFile));
  const file = path.join(dir, databaseFile);
  let database: DatabaseSync;
  let present: Set<string>;
  try {
    ({ database, present } = openForSync(file));
  } catch (error) {
    if (!isDamaged(error)) throw error;
    // A damaged store holds nothing the content cannot give again: start anew.
    await rm(file, { force: true });
    await rm(`${file}-journal`, { force: true });
    ({ database, present } = openForSync(file));
  }
  try {
    const insert = database.prepare('INSERT INTO texts (name, text) VALUES (?, ?)');
    for (const [name, text] of textByFileName) {
      if (!present.has(name)) insert.run(name, text);
    }
    const remove = database.prepare('DELETE FROM texts WHERE name = ?');
    for (const name of present) {
      if (!textByFileName.has(name)) remove.run(name);
    }
    database.exec('COMMIT');
  } finally {
    database.close();
  }
  // At 10,000 digests the file-per-text store left 20,000 files: a few deletions at a time.
  const queue = fileOperationQueue();
  for (const name of leftovers) {
    queue.add(() => rm(path.join(dir, name), { recursive: true, force: true }));
  }
  await queue.drain();
}

/** SQLite's answer for a file that is not a database, or a damaged one. */
function isDamaged(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  return code === 11 /* SQLITE_CORRUPT */ || code === 26; /* SQLITE_NOTADB */
}

/** The store's database in a write transaction, with the names it holds. */
function openForSync(file: string): { database: DatabaseSync; present: Set<string> } {
  const database = new DatabaseSync(file, { timeout: busyTimeoutMs });
  try {
    database.exec(schema);
    database.exec('BEGIN IMMEDIATE');
    const rows = database.prepare('SELECT name FROM texts').all() as { name: string }[];
    return { database, present: new Set(rows.map((row) => row.name)) };
  } catch (error) {
    database.close();
    throw error;
  }
}

/** A read-only statement per store, opened on first use and kept for the process's life. */
const readers = new Map<string, StatementSync>();

function reader(database: string): StatementSync {
  let select = readers.get(database);
  if (select === undefined) {
    select = new DatabaseSync(database, { readOnly: true, timeout: busyTimeoutMs }).prepare(
      'SELECT text FROM texts WHERE name = ?',
    );
    readers.set(database, select);
  }
  return select;
}

/**
 * The text stored under `sha256`; throws, naming what to do, when it is missing or changed.
 * The message names it as `what` of `owner`: say, the `feed HTML` of `digests/a.md`.
 *
 * Synchronous: pages read about 20,000 stored texts in a 10,000-digest build, one at a time.
 */
export function readStoredText(
  dir: string,
  file: { sha256: string; kind: StoredFileKind },
  owner: string,
  what: string,
): string {
  const database = path.join(dir, databaseFile);
  const name = storedFileName(file.sha256, file.kind);
  let row: { text: string } | undefined;
  try {
    row = reader(database).get(name) as { text: string } | undefined;
  } catch (error) {
    throw new Error(
      `The ${what} of ${owner} (${name} in ${database}) cannot be read: ${(error as Error).message}. Build again.`,
      { cause: error },
    );
  }
  if (row === undefined) {
    throw new Error(
      `The ${what} of ${owner} (${name} in ${database}) is missing: it was deleted after the content was loaded. Build again.`,
    );
  }
  if (contentSha256(row.text) !== file.sha256) {
    throw new Error(
      `The ${what} of ${owner} (${name} in ${database}) changed after the content was loaded. Build again.`,
    );
  }
  return row.text;
}
