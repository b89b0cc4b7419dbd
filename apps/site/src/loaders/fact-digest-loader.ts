/**
 * The Astro content loader for a fact-digest content directory. It runs the parser in its two
 * phases: phase 1 once per file (cached under Astro's cache directory, see parse-cache.ts, keyed
 * by a digest of the file and of everything else the parse depends on, see parse-with-cache.ts,
 * so unchanged files are not parsed again on a rebuild; the rest are parsed on every core, see
 * parse-pool.ts), phase 2 (`linkContent`) over all files. Any error diagnostic fails the build,
 * after every diagnostic has been printed as `file:line:col  severity  message  rule-id`.
 *
 * Everything goes into one collection, as one entry naming the stored content set (see
 * content-entry.ts and content-store.ts): phase 2 needs every file at once, and Astro gives each
 * collection its own meta store and runs loaders concurrently, so splitting digests, entities
 * and sources into separate collections would mean parsing twice or coordinating loaders.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  formatDiagnostic,
  hasErrors,
  linkContent,
  readContentFiles,
  type Diagnostic,
} from '@fact-digest/parser';
import {
  contentSetEntryId,
  contentSetEntrySchema,
  storeContentSet,
  writeContentSetEntryFile,
} from './content-entry.ts';
import { contentSha256 } from './content-store.ts';
import { openParseCache } from './parse-cache.ts';
import { createParsePool } from './parse-pool.ts';
import { parseWithCache } from './parse-with-cache.ts';
import { publishedContent } from './published-content.ts';
import { removeDirectory } from '../remove-directory.ts';

export interface Options {
  /** Absolute path of the content directory (holding `digests/`, `entities/`, `sources/`). */
  contentDir: string;
  /** Diagnostics name files relative to this directory. Default: the working directory. */
  diagnosticRoot?: string;
}

export const defaultOptions: Omit<Options, 'contentDir'> = {};

export class ContentErrorsError extends Error {
  override name = 'ContentErrorsError';
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
 * against, as the site feed makes its item links.
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
  const { store, logger } = context;
  const diagnosticRoot = options.diagnosticRoot ?? process.cwd();
  const files = await readContentFiles(options.contentDir);
  const cache = openParseCache(
    fileURLToPath(new URL('fact-digest-phase1/', context.config.cacheDir)),
    context.meta,
  );
  const siteUrl = siteUrlOf(context);
  const pool = createParsePool({ siteUrl });
  let parseResult: Awaited<ReturnType<typeof parseWithCache>>;
  try {
    parseResult = await parseWithCache(files, cache, pool);
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
  // The content set and the digests' HTML, page and feed, go to files beside the cache, named by
  // their hash, and the data store names the content set's hash only (see content-store.ts).
  const storeDir = fileURLToPath(new URL('fact-digest-store/', context.config.cacheDir));
  const [entry] = await Promise.all([
    storeContentSet(storeDir, published, siteUrl),
    // The HTML store of earlier versions, which the content store replaces.
    removeDirectory(fileURLToPath(new URL('fact-digest-html/', context.config.cacheDir))),
  ]);
  await writeContentSetEntryFile(fileURLToPath(context.config.cacheDir), entry);
  // The digest covers the whole entry, not only the content set's hash: Astro keeps an entry
  // whose digest did not change, and a cache directory restored to another path (a CI cache in
  // another checkout) would otherwise keep naming the content store where it used to be.
  store.set({
    id: contentSetEntryId,
    data: { ...entry },
    digest: contentSha256(JSON.stringify(entry)),
  });
  // Entries of earlier versions, which stored every digest, entity and source.
  for (const id of store.keys()) if (id !== contentSetEntryId) store.delete(id);
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
    schema: contentSetEntrySchema,
    load: async (context) => {
      await syncContent(context, options);
      if (!watching) {
        watching = true;
        watchContent(context, options);
      }
    },
  };
}
