/**
 * The loader's cache of phase-1 parse results: one SQLite database (Node's `node:sqlite`) under
 * Astro's cache directory, a row per content file. It is not kept in the loader's meta store
 * because Astro bundles the whole data store, meta store included, into the server build and
 * loads it for rendering: cached parse results there (about half the data store) cost bundling
 * time and memory on every build. The meta store keeps only a generation id, and the database
 * lives in a folder named after it. `astro build --force` clears the meta store, so a forced
 * build starts a new, empty generation and parses every file again; folders of other
 * generations are deleted in the background, while the content is parsed.
 *
 * One database, not a file per content file as before: creating a file is the costly part of
 * writing one on this kind of machine (0.3–0.5 ms of kernel time each, against 0.02 ms for a
 * hard link), and a 10,000-digest archive has 30,000 content files (BENCHMARKS.md, fix 50).
 *
 * Results are written in one transaction, committed by `flush`, which also closes the
 * database; the next call opens it again. A build killed before the commit leaves the previous
 * commit's rows, which SQLite's journal restores: those files are parsed again.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { MetaStore } from 'astro/loaders';
import type { ParsedContentFile } from '@fact-digest/parser';
import { fileOperationQueue } from './file-operation-queue.ts';
import { removeDirectory } from '../remove-directory.ts';

export interface ParseCache {
  /** The cached result for a file, if it was parsed from inputs with this fingerprint. */
  get: (filePath: string, fingerprint: string) => ParsedContentFile | undefined;
  /** Stores a result; it is committed by `flush`. */
  set: (filePath: string, fingerprint: string, parsed: ParsedContentFile) => void;
  /** Forgets every file not in `filePaths` (files removed from the content). */
  retainOnly: (filePaths: readonly string[]) => void;
  /**
   * Commits what was stored, closes the database and waits for the deletion of earlier
   * generations; rejects with the first failure since the last flush: of those, or of the
   * database (the other methods never throw: a result they could not read is parsed again).
   */
  flush: () => Promise<void>;
}

const generationKey = 'phase1:database-generation';
/**
 * The meta store's keys of earlier formats, read only to delete them: the generation of the
 * file-per-result cache (its folder is then deleted as any other generation's), and where the
 * meta store kept every parse result before that.
 */
const formerGenerationKey = 'phase1:generation';
const formerPathsKey = 'phase1:paths';
/** The database in a generation's folder. */
const databaseFile = 'parse-results.sqlite';

/** A connection with the statements the cache runs, and whether a transaction is open. */
interface Connection {
  database: DatabaseSync;
  select: StatementSync;
  upsert: StatementSync;
  remove: StatementSync;
  paths: StatementSync;
  writing: boolean;
}

function connect(file: string): Connection {
  const database = new DatabaseSync(file);
  // Rollback journal, no syncing to disk: a process that dies mid-write leaves the last commit;
  // only a crash of the whole machine could damage the file (then `--force` starts afresh).
  // Write-ahead logging copied every result a second time into the database file.
  database.exec(`
    PRAGMA journal_mode = DELETE;
    PRAGMA synchronous = OFF;
    CREATE TABLE IF NOT EXISTS results (
      path TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      parsed TEXT NOT NULL
    );
  `);
  return {
    database,
    select: database.prepare('SELECT fingerprint, parsed FROM results WHERE path = ?'),
    upsert: database.prepare(
      'INSERT OR REPLACE INTO results (path, fingerprint, parsed) VALUES (?, ?, ?)',
    ),
    remove: database.prepare('DELETE FROM results WHERE path = ?'),
    paths: database.prepare('SELECT path FROM results'),
    writing: false,
  };
}

/** Opens the cache in `dir`, in a new, empty generation unless `meta` names an existing one. */
export function openParseCache(dir: string, meta: MetaStore): ParseCache {
  const former = meta.get(formerPathsKey);
  if (former !== undefined) {
    for (const filePath of JSON.parse(former) as string[]) meta.delete(`phase1:${filePath}`);
    meta.delete(formerPathsKey);
  }
  meta.delete(formerGenerationKey);

  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir);
  let generation = meta.get(generationKey);
  // A new generation's database is empty until written: looking results up in it would only
  // cost reads.
  let empty = generation === undefined || !existing.includes(generation);
  if (generation === undefined || empty) {
    generation = randomUUID();
    meta.set(generationKey, generation);
  }
  const generationDir = path.join(dir, generation);
  mkdirSync(generationDir, { recursive: true });
  const file = path.join(generationDir, databaseFile);

  const queue = fileOperationQueue();
  // Earlier generations (and folders of earlier formats) are stale.
  for (const name of existing) {
    if (name !== generation) {
      queue.add(() => removeDirectory(path.join(dir, name)));
    }
  }

  let connection: Connection | undefined;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= {
      error: new Error(
        `The parse cache ${file} failed: ${(error as Error).message}. Building with --force starts it afresh.`,
        { cause: error },
      ),
    };
  };
  /** Runs `use` on the open database, opening it first; a failure is kept for `flush`. */
  const withDatabase = <T>(write: boolean, use: (opened: Connection) => T): T | undefined => {
    try {
      connection ??= connect(file);
      if (write && !connection.writing) {
        connection.database.exec('BEGIN');
        connection.writing = true;
        empty = false;
      }
      return use(connection);
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  return {
    get(filePath, fingerprint) {
      if (empty) return undefined;
      const row = withDatabase(false, ({ select }) => select.get(filePath)) as
        { fingerprint: string; parsed: string } | undefined;
      return row?.fingerprint === fingerprint
        ? (JSON.parse(row.parsed) as ParsedContentFile)
        : undefined;
    },
    set(filePath, fingerprint, parsed) {
      withDatabase(true, ({ upsert }) => upsert.run(filePath, fingerprint, JSON.stringify(parsed)));
    },
    retainOnly(filePaths) {
      const kept = new Set(filePaths);
      withDatabase(true, ({ paths, remove }) => {
        for (const row of paths.all() as { path: string }[]) {
          if (!kept.has(row.path)) remove.run(row.path);
        }
      });
    },
    async flush() {
      const closing = connection;
      connection = undefined;
      if (closing !== undefined) {
        try {
          // After a failure the transaction is dropped: what it holds may be incomplete.
          if (closing.writing && failure === undefined) closing.database.exec('COMMIT');
        } catch (error) {
          fail(error);
        } finally {
          closing.database.close();
        }
      }
      try {
        await queue.drain();
      } catch (error) {
        failure ??= { error };
      }
      if (failure) {
        const { error } = failure;
        failure = undefined;
        throw error;
      }
    },
  };
}
