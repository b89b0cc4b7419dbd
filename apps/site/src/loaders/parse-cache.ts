/**
 * The loader's cache of phase-1 parse results, one JSON file per content file under Astro's
 * cache directory. It is not kept in the loader's meta store because Astro bundles the whole
 * data store, meta store included, into the server build and loads it for rendering: cached
 * parse results there (about half the data store) cost bundling time and memory on every
 * build. The meta store keeps only a generation id. `astro build --force` clears the meta store,
 * and a cache folder whose generation does not match it is emptied, so a forced build still
 * parses every file again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MetaStore } from 'astro/loaders';
import type { ParsedContentFile } from '@fact-digest/parser';

export interface ParseCache {
  /** The cached result for a file, if it was parsed from inputs with this fingerprint. */
  get: (filePath: string, fingerprint: string) => ParsedContentFile | undefined;
  set: (filePath: string, fingerprint: string, parsed: ParsedContentFile) => void;
  /** Forgets every file not in `filePaths` (files removed from the content). */
  retainOnly: (filePaths: readonly string[]) => void;
}

interface CachedParse {
  path: string;
  fingerprint: string;
  parsed: ParsedContentFile;
}

const generationKey = 'phase1:generation';
const generationFile = 'generation';
/** Where the meta store kept every parse result before; read only to delete them. */
const formerPathsKey = 'phase1:paths';

function entryFile(filePath: string): string {
  return `${createHash('sha256').update(filePath).digest('hex').slice(0, 32)}.json`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Opens the cache in `dir`, emptying it unless it belongs to the generation in `meta`. */
export function openParseCache(dir: string, meta: MetaStore): ParseCache {
  const former = meta.get(formerPathsKey);
  if (former !== undefined) {
    for (const filePath of JSON.parse(former) as string[]) meta.delete(`phase1:${filePath}`);
    meta.delete(formerPathsKey);
  }

  let generation = meta.get(generationKey);
  if (generation === undefined || readText(path.join(dir, generationFile)) !== generation) {
    generation ??= randomUUID();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, generationFile), generation);
    meta.set(generationKey, generation);
  }

  return {
    get(filePath, fingerprint) {
      const text = readText(path.join(dir, entryFile(filePath)));
      if (text === undefined) return undefined;
      const entry = JSON.parse(text) as CachedParse;
      return entry.path === filePath && entry.fingerprint === fingerprint
        ? entry.parsed
        : undefined;
    },
    set(filePath, fingerprint, parsed) {
      const entry: CachedParse = { path: filePath, fingerprint, parsed };
      writeFileSync(path.join(dir, entryFile(filePath)), JSON.stringify(entry));
    },
    retainOnly(filePaths) {
      const kept = new Set([generationFile, ...filePaths.map(entryFile)]);
      for (const name of readdirSync(dir)) {
        if (!kept.has(name)) rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}
