/**
 * The loader's cache of phase-1 parse results, one JSON file per content file under Astro's
 * cache directory. It is not kept in the loader's meta store because Astro bundles the whole
 * data store, meta store included, into the server build and loads it for rendering: cached
 * parse results there (about half the data store) cost bundling time and memory on every
 * build. The meta store keeps only a generation id, and the results live in a folder named
 * after it. `astro build --force` clears the meta store, so a forced build starts a new, empty
 * generation and parses every file again; folders of other generations are deleted in the
 * background, while the content is parsed.
 *
 * Results are written in the background too, a few files at a time; `flush` waits for the
 * writes and deletions and reports the first one that failed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetaStore } from 'astro/loaders';
import type { ParsedContentFile } from '@fact-digest/parser';
import { fileOperationQueue } from './file-operation-queue.ts';
import { removeDirectory } from '../remove-directory.ts';
import { readTextIfPresent } from '../whole-files.ts';

export interface ParseCache {
  /** The cached result for a file, if it was parsed from inputs with this fingerprint. */
  get: (filePath: string, fingerprint: string) => ParsedContentFile | undefined;
  /** Stores a result; it is written in the background (see `flush`). */
  set: (filePath: string, fingerprint: string, parsed: ParsedContentFile) => void;
  /** Forgets every file not in `filePaths` (files removed from the content). */
  retainOnly: (filePaths: readonly string[]) => void;
  /** Waits for every write and deletion started so far; rejects with the first that failed. */
  flush: () => Promise<void>;
}

interface CachedParse {
  path: string;
  fingerprint: string;
  parsed: ParsedContentFile;
}

const generationKey = 'phase1:generation';
/** Where the meta store kept every parse result before; read only to delete them. */
const formerPathsKey = 'phase1:paths';

function entryFile(filePath: string): string {
  return `${createHash('sha256').update(filePath).digest('hex').slice(0, 32)}.json`;
}

/** Opens the cache in `dir`, in a new, empty generation unless `meta` names an existing one. */
export function openParseCache(dir: string, meta: MetaStore): ParseCache {
  const former = meta.get(formerPathsKey);
  if (former !== undefined) {
    for (const filePath of JSON.parse(former) as string[]) meta.delete(`phase1:${filePath}`);
    meta.delete(formerPathsKey);
  }

  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir);
  let generation = meta.get(generationKey);
  // A new generation's folder is empty: looking results up in it would only cost reads.
  const empty = generation === undefined || !existing.includes(generation);
  if (generation === undefined || empty) {
    generation = randomUUID();
    meta.set(generationKey, generation);
  }
  const generationDir = path.join(dir, generation);
  mkdirSync(generationDir, { recursive: true });

  const queue = fileOperationQueue();
  // Earlier generations (and files of the format before generation folders) are stale.
  for (const name of existing) {
    if (name !== generation) {
      queue.add(() => removeDirectory(path.join(dir, name)));
    }
  }
  // Results stored through this opening, which `get` answers from before their write finishes.
  const stored = new Map<string, CachedParse>();

  return {
    get(filePath, fingerprint) {
      let entry = stored.get(filePath);
      if (entry === undefined && !empty) {
        const text = readTextIfPresent(path.join(generationDir, entryFile(filePath)));
        try {
          entry = text === undefined ? undefined : (JSON.parse(text) as CachedParse);
        } catch {
          // A write cut short (the build was killed) leaves a broken file: parse the file again.
          entry = undefined;
        }
      }
      return entry?.path === filePath && entry.fingerprint === fingerprint
        ? entry.parsed
        : undefined;
    },
    set(filePath, fingerprint, parsed) {
      const entry: CachedParse = { path: filePath, fingerprint, parsed };
      stored.set(filePath, entry);
      queue.add(() =>
        writeFile(path.join(generationDir, entryFile(filePath)), JSON.stringify(entry)),
      );
    },
    retainOnly(filePaths) {
      const kept = new Set(filePaths.map(entryFile));
      for (const filePath of stored.keys()) {
        if (!kept.has(entryFile(filePath))) stored.delete(filePath);
      }
      for (const name of readdirSync(generationDir)) {
        if (!kept.has(name)) queue.add(() => rm(path.join(generationDir, name), { force: true }));
      }
    },
    flush: () => queue.drain(),
  };
}
