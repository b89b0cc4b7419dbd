/**
 * The search index of a built site, in bundles of one publication year each (a year is split
 * into month ranges when it holds more than `maxPagesPerBundle` digests), each made by its own
 * Pagefind run and reused from a cache when nothing that determines it has changed.
 *
 *   node scripts/build-search-index.ts --site <built dir> --cacheDir <dir> [--force]
 *     [--previousIndex <the previous site’s pagefind/ folder, moved aside>]
 *
 * Why bundles: Pagefind's memory grows with the text it indexes (about 0.29 MB per digest page),
 * so one index over the whole archive outgrows the 2 GiB build-memory target, and it reindexes
 * every page after any edit. A run per bundle keeps each run's memory to its pages, and an edit
 * rebuilds only the bundle of the months the edited digest was published in. The search page
 * loads the newest bundle and merges the others (Pagefind's `mergeIndex`), reading their list
 * from `pagefind/manifest.json`.
 *
 * Which bundle a page belongs to comes from its `article:published_time` meta tag, read from the
 * page's head; a digest page without a readable one fails the step, naming the file.
 *
 * Each bundle is cached under `<cacheDir>/search-index/<bundle>/` with the SHA-256 of everything
 * that determines it: the Pagefind version, the arguments it runs with, and the bundle's page
 * paths and contents. Pagefind's output is deterministic (two clean builds give the same bytes,
 * checked by test/search-index.test.ts), so a reused bundle is byte for byte the one a run would
 * write; and since a bundle only refers to its own files, a reused bundle would be a correct
 * index even if it were not.
 *
 * Bundles are built in two places. build-site.ts starts `buildSearchBundlesAhead` while Astro
 * still renders the pages after the digest pages, and `buildSearchIndex` after Astro; the second
 * moves into the site each bundle the first built whose key still matches, and builds or reuses
 * the rest.
 *
 * A reused bundle is copied from the cache, unless the previous site still has it: build-site.ts
 * passes the previous site's `pagefind/` folder when that site is the one this cache built last
 * (as it keeps that site's unchanged pages, see cached-pages.ts), and a bundle the previous
 * manifest lists with the same key is moved from there, one rename instead of hundreds of file
 * copies. At 10,000 digests the copies of six reused bundles took the search step's second lane
 * for about 2.5 s after an edit, and slowed the one Pagefind run beside them.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
} from 'node:fs';
import { constants, copyFile, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Parser } from 'htmlparser2';
import pMap from 'p-map';
import PQueue from 'p-queue';
import { startProgram } from './child-step.ts';
import { removeDirectory } from '../src/remove-directory.ts';
import { readTextIfPresent } from '../src/whole-files.ts';

export interface Options {
  /** The built site (the output of `astro build`); bundles are written to its `pagefind/`. */
  site: string;
  /** Where bundles are kept between builds, under `search-index/`. */
  cacheDir: string;
  /**
   * Most digest pages one Pagefind run indexes; a year with more is split into month ranges.
   * Pagefind holds about 0.29 MB per page (and about 30 MB besides): 500 pages keep a run near
   * 170 MB, small enough to run beside Astro's rendering (about 1.55 GB at 10,000 digests, with
   * this process about 150 MB) within the 2 GiB the build may use. With bundles of a whole year
   * (1,420 pages at 10,000 digests, 413 MB a run) the build peaked at 2.26 GB.
   */
  maxPagesPerBundle?: number;
  /** Build every bundle, whatever the cache holds (and replace the cached ones). */
  force?: boolean;
  /** Receives one line per bundle (built, reused or moved). */
  log?: (line: string) => void;
  /**
   * Indexes made earlier, searched in order: a bundle whose manifest there lists it with the key
   * it has now is moved from there, whether or not the cache or `force` would have it built.
   * build-site.ts passes the one it built while Astro rendered (`buildSearchBundlesAhead`), and
   * the previous site's `pagefind/` folder, moved aside, when that site is the output this cache
   * directory describes (it checks, see cached-pages.ts) and the build is not forced.
   */
  movableIndexes?: readonly MovableIndex[];
}

/**
 * Pagefind runs at once. One run keeps about 1.4 of the machine's cores busy; two use both
 * cores of a 2-core CI runner.
 */
const pagefindRuns = 2;

export const defaultOptions = {
  maxPagesPerBundle: 500,
  force: false,
  log: (line: string) => console.log(line),
  movableIndexes: [] as readonly MovableIndex[],
} satisfies Partial<Options>;

/** One bundle as the search page's manifest lists it. */
export interface SearchBundle {
  /** `2025`, or `2025-01-06` for January to June of a year split into month ranges. */
  name: string;
  /** The bundle's directory on the site, such as `/pagefind/2025/`. */
  path: string;
  pages: number;
  /**
   * The SHA-256 of everything that determines the bundle (see `bundleKey`), by which the next
   * build knows whether it may move the bundle from this site.
   */
  key: string;
}

/** `pagefind/manifest.json`: the bundles, newest first. */
export interface SearchManifest {
  bundles: SearchBundle[];
}

export interface BundleOutcome extends SearchBundle {
  /** Built by a Pagefind run, copied from the cache, or moved from one of `movableIndexes`. */
  outcome: 'built' | 'reused' | 'moved';
  /** The `description` of the index a moved bundle came from. */
  movedFrom?: string;
}

/** A search index made earlier, whose bundles may be moved into the site. */
export interface MovableIndex {
  /** The folder holding its bundles and their manifest (`manifest.json`, with their keys). */
  path: string;
  /** How the build log names a bundle moved from it, such as `reused from the previous site`. */
  description: string;
}

export const manifestFile = 'pagefind/manifest.json';
/** Bumped when how a bundle is made changes in a way its key does not otherwise show. */
const bundleFormat = 'fact-digest-search-bundle 1';
/**
 * Pagefind's arguments besides where it reads and writes. It runs in a directory holding only
 * the bundle's pages (see `stagePages`), so its default glob and no config file apply.
 */
const pagefindArguments: readonly string[] = ['--silent'];

const pagefindEntry = fileURLToPath(import.meta.resolve('pagefind'));
/**
 * Pagefind's executable, found as its npm wrapper (`runner/bin.cjs`) finds it (the platform's
 * package, or `PAGEFIND_BINARY_PATH`), and run directly: the wrapper is a Node process of its own
 * that waits beside each run, about 56 MB of memory and a Node start-up per bundle.
 */
const pagefindBinary = (
  (await import(
    pathToFileURL(path.join(path.dirname(pagefindEntry), 'resolveBinary.js')).href
  )) as {
    resolveBinaryPath: (names: readonly string[]) => string;
  }
).resolveBinaryPath(['pagefind_extended', 'pagefind']);
const pagefindVersion = (
  JSON.parse(readFileSync(path.join(path.dirname(pagefindEntry), '../package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface DigestPage {
  /** Relative to the site, with `/` separators. */
  file: string;
  /** `YYYY-MM-DD…` as the page's meta tag gives it. */
  published: string;
  contentHash: string;
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * The `article:published_time` of a page, read with a streaming parser that stops at the end of
 * the head (or at the body, if the head is left unclosed): fed a few kilobytes at a time, it
 * never decodes the rest of the page.
 */
export function publishedTimeOf(html: Uint8Array | string): string | undefined {
  let published: string | undefined;
  let stopped = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && attributes['property'] === 'article:published_time') {
          published ??= attributes['content'];
        } else if (name === 'body') {
          stopped = true;
          parser.pause();
        }
      },
      onclosetag(name) {
        if (name !== 'head') return;
        stopped = true;
        parser.pause();
      },
    },
    { decodeEntities: true },
  );
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  const decoder = new StringDecoder('utf8');
  for (let offset = 0; offset < bytes.length && !stopped; offset += headChunkBytes) {
    parser.write(decoder.write(bytes.subarray(offset, offset + headChunkBytes)));
  }
  return published;
}

const headChunkBytes = 4096;
/** Files read or copied at once: enough to keep the disk busy, few enough to hold little memory. */
const fileConcurrency = 16;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/;

/**
 * The digest pages, `digests/<id>/index.html` (not the digest list at `digests/index.html`), in
 * path order. Read synchronously: at 10,000 digests, awaited reads (each an open, a stat, a read
 * and a close through libuv's thread pool) and a glob that stats every entry took 2 s, mostly
 * waiting, on every rebuild.
 */
function readDigestPages(
  site: string,
  readPage: (file: string) => Uint8Array | undefined,
): DigestPage[] {
  let names: string[];
  try {
    names = readdirSync(path.join(site, 'digests'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pages: DigestPage[] = [];
  for (const file of names.map((name) => `digests/${name}/index.html`).sort()) {
    const bytes = readPage(path.join(site, file));
    // `digests/index.html` itself, or a folder without a page.
    if (bytes !== undefined) pages.push(digestPage(site, file, bytes));
  }
  return pages;
}

const htmlEnd = Buffer.from('</html>');

/** Whether `bytes` end with `</html>`, white space after it allowed. */
function endsWithHtmlEnd(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Space, tab, line feed, carriage return.
  while (end > 0 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[end - 1] as number)) end -= 1;
  return end >= htmlEnd.length && htmlEnd.equals(bytes.subarray(end - htmlEnd.length, end));
}

/**
 * The digest pages once each is written to its end (`</html>`), for `buildSearchBundlesAhead`,
 * which reads them while Astro renders. Astro writes a page in several steps, each waiting for
 * its main thread, so a page it started before the next route can stay empty or cut short while
 * it renders a large page of that route (seconds, at 10,000 digests). Those pages are read again
 * every `unfinishedPageRetryMs` until they are finished, or undefined once `stopped()`.
 */
async function readFinishedDigestPages(
  site: string,
  stopped: () => boolean,
): Promise<DigestPage[] | undefined> {
  const readPage = reusedBufferReader();
  let unfinished: string[] = [];
  const finishedOnly = (file: string) => {
    const bytes = readPage(file);
    if (bytes === undefined) return undefined;
    if (endsWithHtmlEnd(bytes)) return bytes;
    unfinished.push(file);
    return undefined;
  };
  const pages = readDigestPages(site, finishedOnly);
  while (unfinished.length > 0) {
    if (stopped()) return undefined;
    await delay(unfinishedPageRetryMs);
    const waiting = unfinished;
    unfinished = [];
    for (const file of waiting) {
      const bytes = finishedOnly(file);
      const relative = path.relative(site, file).split(path.sep).join('/');
      if (bytes !== undefined) pages.push(digestPage(site, relative, bytes));
    }
  }
  return pages.sort((a, b) => compareFiles(a.file, b.file));
}

const unfinishedPageRetryMs = 100;

function compareFiles(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Whether a failed read means there is no page at that path. */
function isNoPage(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTDIR' || code === 'ENOENT' || code === 'EISDIR';
}

/**
 * A reader of pages: a page's bytes, or undefined when there is no page at the path. It reads
 * into one buffer reused for every page (grown when a page needs it), so each page's bytes are
 * valid until the next read. Reading 9,729 pages at 10,000 digests into fresh buffers left about
 * 150 MB of them to be collected.
 */
function reusedBufferReader(): (file: string) => Uint8Array | undefined {
  let buffer = Buffer.allocUnsafe(256 * 1024);
  return (file) => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      if (isNoPage(error)) return undefined;
      throw error;
    }
    try {
      const { size } = fstatSync(fd);
      if (size > buffer.length) buffer = Buffer.allocUnsafe(size * 2);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger);
          buffer = larger;
        }
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
      }
      return buffer.subarray(0, length);
    } catch (error) {
      if (isNoPage(error)) return undefined;
      throw error;
    } finally {
      closeSync(fd);
    }
  };
}

function digestPage(site: string, file: string, bytes: Uint8Array): DigestPage {
  const published = publishedTimeOf(bytes);
  if (published === undefined || !isoDate.test(published) || Number.isNaN(Date.parse(published))) {
    throw new SearchIndexError(
      `${path.join(site, file)}: no readable <meta property="article:published_time"> in the head` +
        (published === undefined ? '' : ` (found "${published}")`) +
        '; the search index cannot tell which year the digest belongs to.',
    );
  }
  return {
    file,
    published,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Groups pages into bundles: one per year, or for a year above `maxPages`, runs of consecutive
 * months of at most `maxPages` pages, as few and as even as whole months allow (a single month
 * above the bound still makes one bundle). Newest bundle first.
 */
export function groupIntoBundles<Page extends { published: string }>(
  pages: readonly Page[],
  maxPages: number,
): Map<string, Page[]> {
  const byYear = new Map<string, Page[]>();
  for (const page of pages) {
    const year = page.published.slice(0, 4);
    const yearPages = byYear.get(year);
    if (yearPages) yearPages.push(page);
    else byYear.set(year, [page]);
  }
  const bundles = new Map<string, Page[]>();
  for (const year of [...byYear.keys()].sort().reverse()) {
    const yearPages = byYear.get(year) ?? [];
    if (yearPages.length <= maxPages) {
      bundles.set(year, yearPages);
      continue;
    }
    const byMonth = new Map<string, Page[]>();
    for (const page of yearPages) {
      const month = page.published.slice(5, 7);
      const monthPages = byMonth.get(month);
      if (monthPages) monthPages.push(page);
      else byMonth.set(month, [page]);
    }
    // As many ranges as the bound requires, about equal in size: a year of 1,420 pages and a
    // bound of 500 makes three ranges of about 473, not two of 500 and one of 420.
    const rangeCount = Math.ceil(yearPages.length / maxPages);
    const ranges: { first: string; last: string; pages: Page[] }[] = [];
    let placed = 0;
    for (const month of [...byMonth.keys()].sort()) {
      const monthPages = byMonth.get(month) ?? [];
      const current = ranges.at(-1);
      const target = (yearPages.length - placed) / Math.max(1, rangeCount - ranges.length + 1);
      const size = current?.pages.length ?? 0;
      const joined = size + monthPages.length;
      if (
        current !== undefined &&
        joined <= maxPages &&
        Math.abs(joined - target) <= Math.abs(size - target)
      ) {
        current.last = month;
        current.pages.push(...monthPages);
      } else {
        if (current !== undefined) placed += current.pages.length;
        ranges.push({ first: month, last: month, pages: [...monthPages] });
      }
    }
    for (const range of ranges.reverse()) {
      bundles.set(`${year}-${range.first}-${range.last}`, range.pages);
    }
  }
  return bundles;
}

function bundleKey(pages: readonly DigestPage[]): string {
  const hash = createHash('sha256');
  hash.update(`${bundleFormat}\0pagefind ${pagefindVersion}\0${pagefindArguments.join(' ')}\0`);
  for (const page of pages) hash.update(`${page.file}\0${page.contentHash}\0`);
  return hash.digest('hex');
}

/**
 * Links (or, across file systems, copies) the bundle's pages into `stagingDir` at their paths in
 * the site, so that Pagefind run there indexes exactly them and computes the same URLs.
 * Synchronous: a folder and a link per page are quick calls, and awaited through libuv's thread
 * pool they took about ten times as long (0.2–0.5 s for 1,400 pages at 10,000 digests).
 */
async function stagePages(site: string, pages: readonly DigestPage[], stagingDir: string) {
  await removeDirectory(stagingDir);
  for (const page of pages) {
    const target = path.join(stagingDir, page.file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(site, page.file), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
      copyFileSync(path.join(site, page.file), target);
    }
  }
}

/**
 * The key of each bundle an index's manifest lists; none when its manifest is missing or
 * unreadable (then no bundle is moved from it).
 */
function manifestKeys(index: string): Map<string, string> {
  const keys = new Map<string, string>();
  const text = readTextIfPresent(path.join(index, path.basename(manifestFile)));
  if (text === undefined) return keys;
  let manifest: Partial<SearchManifest>;
  try {
    manifest = JSON.parse(text) as Partial<SearchManifest>;
  } catch {
    return keys;
  }
  for (const bundle of manifest.bundles ?? []) {
    if (typeof bundle.name === 'string' && typeof bundle.key === 'string') {
      keys.set(bundle.name, bundle.key);
    }
  }
  return keys;
}

/** Moves `from` to `to`; false when `from` is not there. */
export function moveIfPresent(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Copies a bundle directory (thousands of small fragment files), several files at a time and
 * as reflinks where the file system has them: about twice as fast as `fs.cp` at 10k digests.
 * Copies, not hard links, so nothing done to the site afterwards can change the cache.
 */
async function copyBundle(from: string, to: string): Promise<void> {
  const files: string[] = [];
  const dirs = new Set<string>(['']);
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) dirs.add(relative);
    else files.push(relative);
  }
  for (const dir of [...dirs].sort()) await mkdir(path.join(to, dir), { recursive: true });
  await pMap(
    files,
    (file) => copyFile(path.join(from, file), path.join(to, file), constants.COPYFILE_FICLONE),
    { concurrency: fileConcurrency },
  );
}

async function runPagefind(stagingDir: string, outputPath: string, bundle: string): Promise<void> {
  const args = ['--site', '.', '--output-path', outputPath, ...pagefindArguments];
  // In the staging directory, where there is no Pagefind config file to pick up.
  const failure = await startProgram(pagefindBinary, args, { cwd: stagingDir }).exited;
  if (failure !== undefined) {
    throw new SearchIndexError(`Pagefind failed for the ${bundle} search bundle (${failure}).`);
  }
}

/** Pagefind skips pages without `data-pagefind-body` silently; a bundle must hold every page. */
async function checkPageCount(outputPath: string, bundle: string, expected: number) {
  const entry = JSON.parse(
    await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'),
  ) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce(
    (sum, language) => sum + language.page_count,
    0,
  );
  if (indexed !== expected) {
    throw new SearchIndexError(
      `The ${bundle} search bundle indexed ${indexed} of its ${expected} digest pages (a digest page without data-pagefind-body?).`,
    );
  }
}

interface PlannedBundle {
  name: string;
  pages: DigestPage[];
  key: string;
  /** The cache holds this bundle under the same key. */
  cached: boolean;
}

/** The bundles of the given digest pages, each with its key. */
function planBundles(
  pages: readonly DigestPage[],
  bundleCache: string,
  maxPagesPerBundle: number,
): PlannedBundle[] {
  const bundles = groupIntoBundles(pages, maxPagesPerBundle);
  return [...bundles].map(([name, pages]) => {
    const key = bundleKey(pages);
    const cachedKey = readTextIfPresent(path.join(bundleCache, name, 'key'));
    return { name, pages, key, cached: cachedKey === key };
  });
}

/**
 * Runs Pagefind over the bundle's pages into `output`, holding one of `lanes` only while Pagefind
 * runs, and stores the bundle in the cache under its key.
 */
async function buildBundle(
  { name, pages, key }: PlannedBundle,
  site: string,
  output: string,
  bundleCache: string,
  queues: { lanes: PQueue; copies: PQueue },
): Promise<void> {
  const stagingDir = path.join(bundleCache, `${name}.pages`);
  try {
    await queues.lanes.add(async () => {
      await stagePages(site, pages, stagingDir);
      await runPagefind(stagingDir, output, name);
    });
  } finally {
    // Outside the lane: removing 1,400 folders takes about 0.3 s.
    await removeDirectory(stagingDir);
  }
  await checkPageCount(output, name, pages.length);
  // Written beside the old entry and swapped in, so an interrupted build leaves either the old
  // bundle with its key or none; the key is written last.
  const cached = path.join(bundleCache, name);
  const replacement = path.join(bundleCache, `${name}.new`);
  await removeDirectory(replacement);
  await queues.copies.add(() => copyBundle(output, path.join(replacement, 'bundle')));
  await writeFile(path.join(replacement, 'key'), key);
  await removeDirectory(cached);
  await rename(replacement, cached);
}

async function writeManifest(output: string, bundles: readonly SearchBundle[]): Promise<void> {
  const manifest: SearchManifest = {
    bundles: bundles.map(({ name, path: bundlePath, pages, key }) => ({
      name,
      path: bundlePath,
      pages,
      key,
    })),
  };
  await writeFile(
    path.join(output, path.basename(manifestFile)),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}

function bundleEntry({ name, pages, key }: PlannedBundle): SearchBundle {
  return { name, path: `/pagefind/${name}/`, pages: pages.length, key };
}

export async function buildSearchIndex(options: Options): Promise<BundleOutcome[]> {
  const { site, cacheDir, maxPagesPerBundle, force, log, movableIndexes } = {
    ...defaultOptions,
    ...options,
  };
  const bundleCache = path.join(cacheDir, 'search-index');
  const outputRoot = path.join(site, 'pagefind');
  await removeDirectory(outputRoot);
  // Bundles moved from the previous site go into it.
  await mkdir(outputRoot, { recursive: true });
  await mkdir(bundleCache, { recursive: true });

  const planned = planBundles(
    readDigestPages(site, reusedBufferReader()),
    bundleCache,
    maxPagesPerBundle,
  );
  const movable = movableIndexes.map((index) => ({ ...index, keys: manifestKeys(index.path) }));

  // Pagefind runs hold the lanes (`pagefindRuns`); copying a bundle into the cache after its run,
  // or from the cache when it is reused, and removing its staged pages do not: a lane that
  // waited for those sat idle for about half a second per bundle at 10,000 digests while the
  // other bundles queued.
  const queues = {
    lanes: new PQueue({ concurrency: pagefindRuns }),
    copies: new PQueue({ concurrency: pagefindRuns }),
  };

  async function buildOrReuseBundle(bundle: PlannedBundle): Promise<BundleOutcome> {
    const { name, key } = bundle;
    const output = path.join(outputRoot, name);
    const source = movable.find(
      (index) => index.keys.get(name) === key && moveIfPresent(path.join(index.path, name), output),
    );
    if (source !== undefined) {
      return { ...bundleEntry(bundle), outcome: 'moved', movedFrom: source.description };
    }
    if (!force && bundle.cached) {
      await queues.copies.add(() => copyBundle(path.join(bundleCache, name, 'bundle'), output));
      return { ...bundleEntry(bundle), outcome: 'reused' };
    }
    await buildBundle(bundle, site, output, bundleCache, queues);
    return { ...bundleEntry(bundle), outcome: 'built' };
  }

  // Bundles to build are queued first: a Pagefind run takes seconds, copying a reused bundle a
  // fraction of one, and after an edit the one bundle to build would otherwise wait for copies.
  const runOrder = [...planned].sort((a, b) => Number(a.cached) - Number(b.cached));
  // Every bundle is finished, built or failed, before the step returns or throws: a failure
  // leaves no Pagefind run writing into a site that build-site.ts is about to delete. The first
  // failure in bundle order is the one thrown, whichever run failed first.
  const settledInRunOrder = await Promise.all(
    runOrder.map((bundle) =>
      buildOrReuseBundle(bundle).then(
        (outcome) => ({ outcome }),
        (error: unknown) => ({ error }),
      ),
    ),
  );
  const settled = planned.map(
    (bundle) => settledInRunOrder[runOrder.indexOf(bundle)] as (typeof settledInRunOrder)[number],
  );
  const outcomes: BundleOutcome[] = [];
  for (const result of settled) {
    if ('error' in result) throw result.error;
    const { name, pages, outcome, movedFrom } = result.outcome;
    log(
      `Search bundle ${name}: ${movedFrom ?? outcome} (${pages} digest page${pages === 1 ? '' : 's'})`,
    );
    outcomes.push(result.outcome);
  }

  // Bundles of years that no longer have digests are not kept.
  const names = new Set(planned.map((bundle) => bundle.name));
  for (const entry of await readdir(bundleCache)) {
    if (!names.has(entry)) await removeDirectory(path.join(bundleCache, entry));
  }
  await writeManifest(outputRoot, outcomes);
  return outcomes;
}

/** What `buildSearchBundlesAhead` is given. */
export interface AheadOptions extends Pick<
  Options,
  'site' | 'cacheDir' | 'maxPagesPerBundle' | 'force'
> {
  /** Where the bundles and their manifest go, for `buildSearchIndex` to move them from. */
  output: string;
  /** Settles when no further Pagefind run should start (the one in progress finishes). */
  stop: Promise<unknown>;
}

/**
 * The search bundles built while Astro still renders the pages after the digest pages, one
 * Pagefind run at a time (Astro's rendering keeps one core busy): every bundle the cache does not
 * hold, or all with `force`, into `output` with a manifest, and into the cache. Whatever it
 * builds, `buildSearchIndex` then moves into the site only if its key still matches the pages the
 * finished build has: a page read here half-written, or one Astro removes at its end, only costs
 * that bundle a second run. Pages are read into one reused buffer, so that reading them takes no
 * memory beside Astro's.
 */
export async function buildSearchBundlesAhead(options: AheadOptions): Promise<string[]> {
  const { site, cacheDir, maxPagesPerBundle, force, output, stop } = {
    ...defaultOptions,
    ...options,
  };
  let stopped = false;
  const markStopped = () => {
    stopped = true;
  };
  // Whether it resolves or rejects (the Astro step failed to start), it means stop.
  stop.then(markStopped, markStopped);
  const bundleCache = path.join(cacheDir, 'search-index');
  await removeDirectory(output);
  await mkdir(output, { recursive: true });
  await mkdir(bundleCache, { recursive: true });
  // Reading every page takes a second at 10,000 digests: not worth it once Astro has exited.
  const pages = stopped ? undefined : await readFinishedDigestPages(site, () => stopped);
  if (pages === undefined) {
    await writeManifest(output, []);
    return [];
  }
  const planned = planBundles(pages, bundleCache, maxPagesPerBundle);
  const queues = { lanes: new PQueue({ concurrency: 1 }), copies: new PQueue({ concurrency: 1 }) };
  const built: PlannedBundle[] = [];
  for (const bundle of planned) {
    if (stopped) break;
    if (bundle.cached && !force) continue;
    await buildBundle(bundle, site, path.join(output, bundle.name), bundleCache, queues);
    built.push(bundle);
  }
  await writeManifest(output, built.map(bundleEntry));
  return built.map((bundle) => bundle.name);
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      cacheDir: { type: 'string' },
      force: { type: 'boolean', default: false },
      previousIndex: { type: 'string' },
    },
  });
  if (values.site === undefined || values.cacheDir === undefined) {
    console.error(
      'Usage: node scripts/build-search-index.ts --site <built dir> --cacheDir <dir> [--force] [--previousIndex <dir>]',
    );
    process.exit(2);
  }
  try {
    await buildSearchIndex({
      site: path.resolve(values.site),
      cacheDir: path.resolve(values.cacheDir),
      force: values.force,
      ...(values.previousIndex === undefined
        ? {}
        : {
            movableIndexes: [
              {
                path: path.resolve(values.previousIndex),
                description: 'reused from the previous site',
              },
            ],
          }),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
