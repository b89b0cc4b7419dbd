/**
 * A content directory's fingerprint: one hash over every file the site reads from it (the files
 * `readContentFiles` returns, by path and bytes). Turbo hashes the files of a task's inputs only
 * inside the repository, so for a CONTENT_DIR elsewhere it hashed the variable's value alone and
 * replayed the site it had built before a digest was edited. `pnpm build`
 * (scripts/turbo-build.ts) puts this fingerprint in the environment variable below, which
 * apps/site/turbo.json makes part of the build task's hash.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
// The parser's full entry loads unified and friends (about 0.4 s): this runs before every
// `pnpm build` with a CONTENT_DIR, a Turbo cache hit included.
import { readContentFiles } from '@fact-digest/parser/content-files';

export const contentFingerprintVariable = 'CONTENT_DIR_FINGERPRINT';

/** Hex SHA-256 of each read file's path, length and bytes, in `readContentFiles`'s order. */
export async function contentFingerprint(contentDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await readContentFiles(contentDir)) {
    // The length keeps one file's bytes from running into the next file's path.
    hash.update(`${file.path}\0${file.bytes.length}\0`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
}

/**
 * `environment` for Turbo: with CONTENT_DIR made absolute and its fingerprint added, when it is
 * set. A relative CONTENT_DIR means relative to where `pnpm build` was run (pnpm names that
 * directory INIT_CWD and runs the script from the repository root), not to apps/site, where
 * Turbo runs the site's build.
 */
export async function withContentFingerprint(
  environment: NodeJS.ProcessEnv,
): Promise<NodeJS.ProcessEnv> {
  const configured = environment['CONTENT_DIR'];
  if (configured === undefined) return environment;
  const contentDir = path.resolve(environment['INIT_CWD'] ?? process.cwd(), configured);
  return {
    ...environment,
    CONTENT_DIR: contentDir,
    [contentFingerprintVariable]: await contentFingerprint(contentDir),
  };
}
