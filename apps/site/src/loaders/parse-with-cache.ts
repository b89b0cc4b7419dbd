/**
 * The parser's phase 1 over a content directory's files, through the parse cache (parse-cache.ts):
 * a file's cached result is used when the file and everything else its parse depends on are
 * unchanged, as a fingerprint of them says; the rest go to the parse pool (parse-pool.ts), and
 * their results into the cache.
 */
import { createHash } from 'node:crypto';
import type { ContentFileBytes, ParsedContentFile } from '@fact-digest/parser';
import type { ParseCache } from './parse-cache.ts';
import type { ParsePool, RegistryEntity } from './parse-pool.ts';

/** Bump when the shape of cached phase-1 results changes, so old cache entries are ignored. */
const cacheFormat = 'fact-digest-phase1-v2';

/** A digest of a file's bytes and of what else its parse depends on, as the cache key. */
function fingerprint(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * Phase 1 for every file, in file order, reusing the cached result of files whose inputs did not
 * change; `reused` counts those.
 */
export async function parseWithCache(
  files: readonly ContentFileBytes[],
  cache: ParseCache,
  pool: ParsePool,
): Promise<{ parsed: ParsedContentFile[]; reused: number }> {
  let reused = 0;
  /** Cached results where the fingerprint matches, the rest parsed by the pool, in file order. */
  const parseCached = async (
    group: readonly ContentFileBytes[],
    fingerprintOf: (file: ContentFileBytes) => string,
    entities: readonly RegistryEntity[],
  ): Promise<ParsedContentFile[]> => {
    const keys = group.map(fingerprintOf);
    const results = group.map((file, index) => cache.get(file.path, keys[index] as string));
    const missing = group.flatMap((_, index) => (results[index] === undefined ? [index] : []));
    reused += group.length - missing.length;
    const parsed = await pool.parse(
      missing.map((index) => group[index] as ContentFileBytes),
      entities,
      // Cache each result as it arrives, so the writes overlap the parsing of other files.
      (position, result) =>
        cache.set(result.path, keys[missing[position] as number] as string, result),
    );
    for (const [position, index] of missing.entries()) results[index] = parsed[position];
    return results as ParsedContentFile[];
  };

  // Entities first: digests are parsed against the registry of their names and aliases.
  const entityFiles = files.filter((file) => file.path.startsWith('entities/'));
  const otherFiles = files.filter((file) => !file.path.startsWith('entities/'));
  const entityResults = await parseCached(
    entityFiles,
    (file) => fingerprint(cacheFormat, file.bytes),
    [],
  );
  const entities = entityResults.flatMap((result) =>
    result.kind === 'entity' && result.entity ? [result.entity] : [],
  );
  // A digest's parse depends on the registry, so its fingerprint includes every name and alias,
  // and on the site URL the pool parses with, which its feed HTML's links are resolved against
  // (no other file's parse depends on it).
  const registryFingerprint = fingerprint(
    JSON.stringify(entities.map((entity) => [entity.id, entity.name, entity.aliases])),
  );
  const siteUrl = pool.siteUrl ?? '';
  const otherResults = await parseCached(
    otherFiles,
    (file) =>
      fingerprint(
        cacheFormat,
        registryFingerprint,
        file.path.startsWith('digests/') ? siteUrl : '',
        file.bytes,
      ),
    entities,
  );

  // Forget cached results of files that no longer exist.
  cache.retainOnly(files.map((file) => file.path));

  return { parsed: [...entityResults, ...otherResults], reused };
}
