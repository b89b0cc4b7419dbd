/**
 * The Astro content loader for a fact-digest content directory. It runs the parser in its two
 * phases: phase 1 once per file (cached under Astro's cache directory, see parse-cache.ts, keyed
 * by a digest of the file and of everything else the parse depends on, so unchanged files are
 * not parsed again on a rebuild; the rest are parsed on every core, see parse-pool.ts), phase 2
 * (`linkContent`) over all files. Any error diagnostic fails the build, after every diagnostic
 * has been printed as `file:line:col  severity  message  rule-id`.
 *
 * Everything goes into one collection: phase 2 needs every file at once, and Astro gives each
 * collection its own meta store and runs loaders concurrently, so splitting digests, entities
 * and sources into separate collections would mean parsing twice or coordinating loaders.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  formatDiagnostic,
  hasErrors,
  linkContent,
  readContentFiles,
  type ContentFileBytes,
  type Diagnostic,
  type ParsedContentFile,
} from '@fact-digest/parser';
import { contentEntryId, contentEntrySchema, type ContentEntry } from './content-entry.ts';
import { openParseCache, type ParseCache } from './parse-cache.ts';
import { createParsePool, type ParsePool, type RegistryEntity } from './parse-pool.ts';
import { syncHtmlStore } from './html-store.ts';
import { publishedContent } from './published-content.ts';

export interface Options {
  /** Absolute path of the content directory (holding `digests/`, `entities/`, `sources/`). */
  contentDir: string;
  /** Diagnostics name files relative to this directory. Default: the working directory. */
  diagnosticRoot?: string;
}

export const defaultOptions: Omit<Options, 'contentDir'> = {};

/** Bump when the shape of cached phase-1 results changes, so old cache entries are ignored. */
const cacheFormat = 'fact-digest-phase1-v2';
export class ContentErrorsError extends Error {
  override name = 'ContentErrorsError';
}

/** A digest of a file's bytes and of what else its parse depends on, as the cache key. */
function fingerprint(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * Phase 1 for every file, reusing the cached result of files whose inputs did not change.
 * `siteUrl` is what the pool parses digests with (their feed HTML's links are resolved against
 * it), so it is one of those inputs.
 */
async function parseAll(
  files: readonly ContentFileBytes[],
  cache: ParseCache,
  pool: ParsePool,
  siteUrl: string,
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
    const missing = group.flatMap((file, index) => (results[index] === undefined ? [index] : []));
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
  // and on the site URL, which its feed HTML's links are resolved against (no other file's is).
  const registryFingerprint = fingerprint(
    JSON.stringify(entities.map((entity) => [entity.id, entity.name, entity.aliases])),
  );
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

/** `file:line:col  severity  message  rule-id`, with the file relative to `diagnosticRoot`. */
function diagnosticLine(
  diagnostic: Diagnostic,
  contentDir: string,
  diagnosticRoot: string,
): string {
  const file = path
    .relative(diagnosticRoot, path.join(contentDir, diagnostic.file))
    .split(path.sep)
    .join('/');
  return formatDiagnostic({ ...diagnostic, file }, 'pretty');
}

/**
 * Astro's `site` setting, normalised: the address the digests' feed HTML is made absolute
 * against, as `/rss.xml` makes its item links.
 */
function siteUrlOf(context: LoaderContext): string {
  const { site } = context.config;
  if (site === undefined) {
    throw new Error(
      "Astro's `site` setting is not set: the site feed's links are made absolute against it (see astro.config.ts).",
    );
  }
  return new URL(site).href;
}

/** Reads, parses and links the content, then replaces the collection's entries with it. */
async function syncContent(context: LoaderContext, options: Options): Promise<void> {
  const { store, logger, generateDigest } = context;
  const diagnosticRoot = options.diagnosticRoot ?? process.cwd();
  const files = await readContentFiles(options.contentDir);
  const cache = openParseCache(
    fileURLToPath(new URL('fact-digest-phase1/', context.config.cacheDir)),
    context.meta,
  );
  const siteUrl = siteUrlOf(context);
  const pool = createParsePool({ siteUrl });
  let parseResult: Awaited<ReturnType<typeof parseAll>>;
  try {
    parseResult = await parseAll(files, cache, pool, siteUrl);
  } catch (error) {
    // No cache write may outlive the sync; the parse error is the one to report.
    await cache.flush().catch(() => {});
    throw error;
  } finally {
    await pool.close();
  }
  // Results were written while the rest was parsed; wait for the last writes.
  await cache.flush();
  const { parsed, reused } = parseResult;
  const content = linkContent(parsed);
  logger.info(
    `Read ${files.length} files from ${options.contentDir}: parsed ${files.length - reused}, reused ${reused} unchanged.`,
  );

  const lines = content.diagnostics.map((diagnostic) => ({
    diagnostic,
    line: diagnosticLine(diagnostic, options.contentDir, diagnosticRoot),
  }));
  for (const { diagnostic, line } of lines) {
    if (diagnostic.severity === 'error') logger.error(line);
    else logger.warn(line);
  }
  if (hasErrors(content.diagnostics)) {
    const errors = lines.filter(({ diagnostic }) => diagnostic.severity === 'error');
    throw new ContentErrorsError(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; the site is not built:\n${errors
        .map(({ line }) => line)
        .join('\n')}`,
    );
  }

  const published = publishedContent(content);
  // Digests' HTML, page and feed, goes to files beside the cache, not into the data store (see
  // html-store.ts).
  const htmlStoreDir = fileURLToPath(new URL('fact-digest-html/', context.config.cacheDir));
  await syncHtmlStore(htmlStoreDir, published.renderedHtml);
  const entries: ContentEntry[] = [
    ...published.digests.map((digest) => ({ kind: 'digest' as const, digest })),
    ...published.entities.map((entity) => ({ kind: 'entity' as const, entity })),
    ...published.sources.map((source) => ({ kind: 'source' as const, source })),
    { kind: 'graph', graph: published.graph },
    { kind: 'htmlStore', dir: htmlStoreDir, siteUrl },
  ];
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = contentEntryId(entry);
    ids.add(id);
    // Pages write the digests' stored HTML and `entity.html` themselves and never call
    // `render()`, so a `rendered` copy would only add to what the data store serialises and
    // holds in memory.
    store.set({ id, data: entry, digest: generateDigest(entry) });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}

/**
 * In `astro dev`, loads the content again whenever an editor saves, adds or removes a Markdown
 * file in the content directory, so the preview follows the editor. A content error is printed
 * and the previous content stays on screen, instead of stopping the dev server.
 */
function watchContent(context: LoaderContext, options: Options): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const contentDir = path.resolve(options.contentDir);
  watcher.add(contentDir);
  const reload = async (changedPath: string) => {
    if (!changedPath.startsWith(contentDir + path.sep) || !changedPath.endsWith('.md')) return;
    logger.info(`${path.relative(contentDir, changedPath)} changed: reloading the content.`);
    try {
      await syncContent(context, options);
    } catch (error) {
      if (!(error instanceof ContentErrorsError)) throw error;
      logger.error(
        'The content has errors (listed above); showing the last content without errors.',
      );
    }
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, reload);
}

export function factDigestLoader(userOptions: Options): Loader {
  const options = { ...defaultOptions, ...userOptions };
  // Astro calls `load` again on a full content sync; the watcher must be set up only once.
  let watching = false;
  return {
    name: 'fact-digest-loader',
    schema: contentEntrySchema,
    load: async (context) => {
      await syncContent(context, options);
      if (!watching) {
        watching = true;
        watchContent(context, options);
      }
    },
  };
}
