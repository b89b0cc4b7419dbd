/**
 * Incremental rebuilds (`experimental.incrementalBuild`; each page from getStaticPaths() keyed by
 * a hash of everything it shows, see src/lib/page-cache-key.ts) give exactly the site a clean
 * build of the same content gives, after edits that change other pages than the edited file's
 * own: a digest retitled, a claim's verdict changed, an entity renamed, a cross-reference added,
 * a digest deleted, a digest added. And they are incremental: pages the edit does not touch are
 * copied from the previous build (Astro logs them as `(restored)`), not rendered again.
 *
 * One site copy is rebuilt after each edit, as an editor's machine or CI with a kept cache
 * would; another builds the same content from an empty cache each time, with `--force`, as the
 * reference. Edits are made to a temporary copy of the fixture content, one after another.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBundleLines } from './support/search-bundle-lines.ts';
import { buildSite, fixtureContentDir, type BuildResult } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';
import { siteDifferences } from './support/site-differences.ts';

/**
 * Pages without getStaticPaths(): no cache key, so rendered on every build. The site feed is not
 * a page: it is written after the pages on every build (scripts/write-site-feed.ts).
 */
const alwaysRendered = [
  '/404.html',
  '/about/index.html',
  '/corrections/index.html',
  '/digests/index.html',
  '/entities/index.html',
  '/index.html',
  '/methodology/index.html',
  '/robots.txt',
  '/search/index.html',
  '/sources/index.html',
  '/tags/index.html',
  '/timeline/index.html',
];

interface Edit {
  name: string;
  apply: (contentDir: string) => Promise<void>;
  /** Pages that show what changed although it is another file's content: they must be rendered. */
  rendered: string[];
  /** Pages that show nothing of what changed: they must be copied from the previous build. */
  restored: string[];
}

async function replaceIn(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(file, text.replace(from, to));
}

const digestFile = (contentDir: string, id: string) => path.join(contentDir, 'digests', `${id}.md`);

const edits: Edit[] = [
  {
    name: "a digest's title changed",
    apply: (contentDir) =>
      replaceIn(
        digestFile(contentDir, '2025-06-12-prisoner-exchange'),
        `title: 'Prisoner exchange: "1,000 for 1,000" & the count <disputed>'`,
        `title: 'Prisoner exchange: the count <disputed>, retitled'`,
      ),
    rendered: [
      // They link to it, and list it by title under "Cross-references".
      '/digests/2025-06-14-fourth-exchange/index.html',
      '/digests/2025-06-16-icrc-access/index.html',
      '/tags/prisoner-exchange/index.html',
      '/claims/accurate/index.html',
      '/sources/coordination-hq-2025-06-12/index.html',
      '/entities/coordination-headquarters/index.html',
      '/entities/coordination-headquarters/rss.xml',
      // Its event and claims are on its month's timeline page, by title.
      '/timeline/2025-06/index.html',
    ],
    restored: [
      '/tags/red-cross/index.html',
      '/sources/icrc-statement-2025-06-16/index.html',
      '/sources/kyiv-independent-2025-06-14/index.html',
    ],
  },
  {
    name: "a claim's verdict changed",
    apply: (contentDir) =>
      replaceIn(
        digestFile(contentDir, '2025-06-14-fourth-exchange'),
        'date=2025-06-14 verdict=unsupported}',
        'date=2025-06-14 verdict=inaccurate}',
      ),
    rendered: [
      '/claims/unsupported/index.html',
      '/claims/inaccurate/index.html',
      // Every verdict page's filter shows the count of each verdict.
      '/claims/accurate/index.html',
      '/tags/prisoner-exchange/index.html',
      '/entities/volodymyr-zelensky/index.html',
      // Verdict labels are feed categories.
      '/entities/volodymyr-zelensky/rss.xml',
      '/timeline/2025-06/index.html',
    ],
    restored: [
      '/digests/2025-06-16-icrc-access/index.html',
      '/tags/red-cross/index.html',
      '/sources/icrc-statement-2025-06-16/index.html',
    ],
  },
  {
    name: "an entity's name changed",
    apply: (contentDir) =>
      replaceIn(
        path.join(contentDir, 'entities/icrc.md'),
        'name: International Committee of the Red Cross',
        'name: Comité international de la Croix-Rouge',
      ),
    rendered: [
      '/entities/icrc/index.html',
      '/entities/icrc/rss.xml',
      // Names its claimant in the claim list and in the ClaimReview JSON-LD.
      '/digests/2025-06-16-icrc-access/index.html',
      '/claims/inaccurate/index.html',
      // Names the claimant of the ICRC's claims.
      '/timeline/2025-06/index.html',
    ],
    restored: [
      '/digests/2025-06-14-fourth-exchange/index.html',
      '/tags/prisoner-exchange/index.html',
      '/sources/kyiv-independent-2025-06-14/index.html',
    ],
  },
  {
    name: 'a cross-reference added',
    apply: async (contentDir) => {
      const file = digestFile(contentDir, '2025-06-16-icrc-access');
      await writeFile(
        file,
        `${await readFile(file, 'utf8')}\nThe statement came two days after [the fourth exchange](./2025-06-14-fourth-exchange.md).\n`,
      );
    },
    rendered: [
      '/digests/2025-06-16-icrc-access/index.html',
      // "Referenced by" now lists the ICRC digest.
      '/digests/2025-06-14-fourth-exchange/index.html',
    ],
    restored: ['/claims/accurate/index.html', '/sources/coordination-hq-2025-06-12/index.html'],
  },
  {
    name: 'a digest deleted',
    apply: (contentDir) => rm(digestFile(contentDir, '2025-06-16-icrc-access')),
    rendered: [
      '/digests/2025-06-12-prisoner-exchange/index.html',
      '/digests/2025-06-14-fourth-exchange/index.html',
      '/tags/prisoner-exchange/index.html',
      '/entities/icrc/index.html',
      '/claims/inaccurate/index.html',
    ],
    restored: ['/sources/kyiv-independent-2025-06-14/index.html'],
  },
  {
    name: 'a digest added',
    apply: (contentDir) =>
      cp(
        path.join(fixtureContentDir, 'digests/2025-06-16-icrc-access.md'),
        digestFile(contentDir, '2025-06-17-icrc-visits'),
      ),
    rendered: [
      '/digests/2025-06-17-icrc-visits/index.html',
      '/digests/2025-06-12-prisoner-exchange/index.html',
      '/tags/red-cross/index.html',
      '/sources/icrc-statement-2025-06-16/index.html',
      '/entities/icrc/index.html',
    ],
    restored: [
      '/digests/2025-06-14-fourth-exchange/index.html',
      '/sources/kyiv-independent-2025-06-14/index.html',
    ],
  },
];

/**
 * The pages Astro's log shows as copied from the previous build, and those it rendered. Astro
 * logs `├─ <page>` when it starts a page; a copied page's `(restored)` or `(cached)` follows at
 * once, but a rendered page's `(+time)` comes when it is done, and pages render several at a
 * time (`build.concurrency`), so other pages' lines can come between. Hence: a page not followed
 * at once by a copy mark was rendered.
 */
function pagesIn(output: string): { restored: string[]; rendered: string[] } {
  const restored: string[] = [];
  const rendered: string[] = [];
  // A page's line can run straight into the next log line's timestamp: the page ends at its
  // file extension.
  for (const match of output.matchAll(
    /├─ (\/\S*?\.(?:html|xml|txt))( \((?:restored|cached)\))?/gu,
  )) {
    const [, page, copied] = match as unknown as [string, string, string | undefined];
    (copied === undefined ? rendered : restored).push(page);
  }
  return { restored: restored.sort(), rendered: rendered.sort() };
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

function succeeded(result: BuildResult, name: string): BuildResult {
  if (result.exitCode !== 0) throw new Error(`The ${name} failed:\n${result.output}`);
  return result;
}

interface Step {
  incremental: BuildResult;
  incrementalDist: string;
  cleanDist: string;
}

let workDir: string;
let contentDir: string;
let incrementalSite: string;
let cacheDir: string;
let liveDist: string;
let firstBuild: BuildResult;
let firstDist: string;
let unchanged: Step;
const steps = new Map<string, Step>();
let cleanSite: string;

/** Rebuilds the incremental copy and builds the same content from nothing in the clean copy. */
async function step(name: string): Promise<Step> {
  const stepDir = path.join(workDir, 'steps', name.replaceAll(/\W+/gu, '-'));
  await mkdir(stepDir, { recursive: true });
  const cleanDist = path.join(stepDir, 'clean');
  const [incremental] = await Promise.all([
    buildSite({ contentDir, siteDir: incrementalSite, outDir: liveDist, cacheDir }),
    buildSite({
      contentDir,
      siteDir: cleanSite,
      outDir: cleanDist,
      cacheDir: path.join(stepDir, 'clean-cache'),
      force: true,
    }).then((result) => succeeded(result, `clean build after "${name}"`)),
  ]);
  succeeded(incremental, `incremental build after "${name}"`);
  // A copy: the next build runs on top of this site, as `pnpm build` does on top of `dist`.
  const incrementalDist = path.join(stepDir, 'incremental');
  await cp(liveDist, incrementalDist, { recursive: true });
  return { incremental, incrementalDist, cleanDist };
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-incremental-'));
  contentDir = path.join(workDir, 'content');
  await cp(fixtureContentDir, contentDir, { recursive: true });
  incrementalSite = await createSiteCopy(path.join(workDir, 'incremental/repository'));
  cleanSite = await createSiteCopy(path.join(workDir, 'clean/repository'));
  cacheDir = path.join(workDir, 'incremental/cache');
  // The same output directory every time, as `pnpm build` uses `dist`.
  liveDist = path.join(workDir, 'incremental/dist');
  firstBuild = succeeded(
    await buildSite({ contentDir, siteDir: incrementalSite, outDir: liveDist, cacheDir }),
    'first build',
  );
  firstDist = path.join(workDir, 'first-dist');
  await cp(liveDist, firstDist, { recursive: true });
  unchanged = await step('nothing changed');
  for (const edit of edits) {
    await edit.apply(contentDir);
    steps.set(edit.name, await step(edit.name));
  }
}, 900_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('a rebuild with nothing changed', () => {
  it('renders the first time every page, and the second only pages without a cache key', () => {
    expect(pagesIn(firstBuild.output).restored).toEqual([]);
    const { restored, rendered } = pagesIn(unchanged.incremental.output);
    expect(rendered).toEqual([...alwaysRendered].sort());
    expect(restored.length).toBeGreaterThan(20);
    // Kept from the previous site where they were (see scripts/cached-pages.ts), not copied from
    // Astro's cache.
    expect(unchanged.incremental.output).toContain('(cached)');
    expect(unchanged.incremental.output).not.toContain('(restored)');
    expect(restored).toEqual(
      expect.arrayContaining([
        '/digests/2025-06-12-prisoner-exchange/index.html',
        '/entities/icrc/rss.xml',
        '/claims/accurate/index.html',
        '/sources/icrc-statement-2025-06-16/index.html',
        '/tags/red-cross/index.html',
      ]),
    );
  });

  it('moves the search bundle, which did not change, from the previous site', () => {
    expect(searchBundleLines(firstBuild.output)).toEqual([
      'Search bundle 2025: built (3 digest pages)',
    ]);
    expect(searchBundleLines(unchanged.incremental.output)).toEqual([
      'Search bundle 2025: reused from the previous site (3 digest pages)',
    ]);
  });

  it('writes the same bytes as the first build and a clean build', async () => {
    expect(await siteDifferences(unchanged.incrementalDist, firstDist)).toEqual([]);
    expect(await siteDifferences(unchanged.incrementalDist, unchanged.cleanDist)).toEqual([]);
  });
});

describe.each(edits)('a rebuild after $name', (edit) => {
  it('writes exactly what a clean build of the edited content writes', async () => {
    const { incrementalDist, cleanDist } = steps.get(edit.name) as Step;
    expect(await siteDifferences(incrementalDist, cleanDist)).toEqual([]);
  });

  it('renders the pages that show the change and copies pages that do not', () => {
    const { restored, rendered } = pagesIn((steps.get(edit.name) as Step).incremental.output);
    expect(rendered).toEqual(expect.arrayContaining(edit.rendered));
    expect(restored).toEqual(expect.arrayContaining(edit.restored));
  });
});

/** A build with a code change that shows on digest pages and stops the build half-way. */
interface HalfWayBuild {
  stopped: BuildResult;
  /** Whether the stopped build left an output directory. */
  stoppedLeftSite: boolean;
  /** Whether the previous site, moved aside, was still there after the stopped build. */
  stoppedLeftPreviousSite: boolean;
  /** The next build, after the change was reverted. */
  next: BuildResult;
  nextDist: string;
  nextLeftPreviousSite: boolean;
}

/**
 * Changes the digest page to show a marker and to run `stop` on the last digest rendered
 * (newest first), so the pages before it are rendered with the change; builds; reverts the
 * change, so the code is again what the cache's manifest records; and builds again.
 */
async function buildStoppedHalfWay(name: string, stop: string): Promise<HalfWayBuild> {
  const page = path.join(incrementalSite, 'src/pages/digests/[id].astro');
  const original = await readFile(page, 'utf8');
  await writeFile(
    page,
    original
      .replace(
        '<article class="digest" data-pagefind-body>',
        '<article class="digest" data-pagefind-body><p>CHANGE THAT STOPPED THE BUILD</p>',
      )
      .replace(
        'const quoted =',
        `if (digest.id === '2025-06-12-prisoner-exchange') ${stop};\nconst quoted =`,
      ),
  );
  // The previous site is in place, as it is where `pnpm build` runs: a clean build's, which the
  // cache's manifest does not describe, so its pages are not kept.
  await rm(liveDist, { recursive: true, force: true });
  await cp(steps.get(edits.at(-1)?.name as string)?.cleanDist as string, liveDist, {
    recursive: true,
  });
  const stopped = await buildSite({
    contentDir,
    siteDir: incrementalSite,
    outDir: liveDist,
    cacheDir,
  });
  const stoppedLeftSite = await exists(liveDist);
  const stoppedLeftPreviousSite = await exists(`${liveDist}.previous`);
  await writeFile(page, original);
  const next = succeeded(
    await buildSite({ contentDir, siteDir: incrementalSite, outDir: liveDist, cacheDir }),
    `build after the ${name} one`,
  );
  const nextDist = path.join(workDir, `after-${name}`);
  await rename(liveDist, nextDist);
  const nextLeftPreviousSite = await exists(`${liveDist}.previous`);
  return {
    stopped,
    stoppedLeftSite,
    stoppedLeftPreviousSite,
    next,
    nextDist,
    nextLeftPreviousSite,
  };
}

describe.each([
  { name: 'failed', stop: "throw new Error('Failing on purpose')", says: 'Failing on purpose' },
  // Killed, Astro's process and the build script's with it (a CI job's timeout): the script's
  // own clean-up never runs; the marker it left says what happened.
  {
    name: 'killed',
    stop: "process.kill(process.ppid, 'SIGKILL'), process.kill(process.pid, 'SIGKILL')",
    says: undefined,
  },
  // Only Astro's process killed (as the kernel's out-of-memory killer picks the largest): the
  // script is still there to clean up.
  {
    name: 'killed alone',
    stop: "process.kill(process.pid, 'SIGKILL')",
    says: 'astro build failed (SIGKILL)',
  },
])('a build $name half-way through rendering', ({ name, stop, says }) => {
  let build: HalfWayBuild;
  beforeAll(async () => {
    build = await buildStoppedHalfWay(name, stop);
  }, 600_000);

  it('stops after rendering changed pages, and leaves no site', () => {
    expect(build.stopped.exitCode).not.toBe(0);
    if (says !== undefined) expect(build.stopped.output).toContain(says);
    expect(pagesIn(build.stopped.output).rendered).toContain(
      '/digests/2025-06-14-fourth-exchange/index.html',
    );
    expect(build.stoppedLeftSite).toBe(false);
    // A killed build script cannot finish deleting the previous site; the next build does.
    if (name !== 'killed') expect(build.stoppedLeftPreviousSite).toBe(false);
    expect(build.nextLeftPreviousSite).toBe(false);
  });

  it('is followed by a build that writes what a clean build writes, not its pages', async () => {
    // Without the discarded cache, the digest pages rendered with the change would be copied:
    // their keys and code are those the cache's manifest still records.
    const last = steps.get(edits.at(-1)?.name as string) as Step;
    expect(await siteDifferences(build.nextDist, last.cleanDist)).toEqual([]);
    expect(pagesIn(build.next.output).restored).toEqual([]);
    if (name === 'killed') {
      expect(build.next.output).toContain(
        'The previous build did not finish: rendering every page again.',
      );
    }
  });
});

describe('a build with --force', () => {
  let forced: BuildResult;
  let forcedDist: string;
  let previousSiteLeft: boolean;
  beforeAll(async () => {
    // On top of a previous site (the first build's), which must leave no file behind.
    await cp(firstDist, liveDist, { recursive: true });
    forced = succeeded(
      await buildSite({
        contentDir,
        siteDir: incrementalSite,
        outDir: liveDist,
        cacheDir,
        force: true,
      }),
      'forced build',
    );
    previousSiteLeft = await exists(`${liveDist}.previous`);
    forcedDist = path.join(workDir, 'forced');
    await rename(liveDist, forcedDist);
  }, 600_000);

  it('renders every page again, and writes what a clean build writes', async () => {
    expect(pagesIn(forced.output).restored).toEqual([]);
    expect(pagesIn(forced.output).rendered).toContain(
      '/digests/2025-06-12-prisoner-exchange/index.html',
    );
    const last = steps.get(edits.at(-1)?.name as string) as Step;
    expect(await siteDifferences(forcedDist, last.cleanDist)).toEqual([]);
    expect(previousSiteLeft).toBe(false);
  });

  it("keeps Astro's cache copy of each page it rendered as the page itself, not a second file", async () => {
    // apps/site/patches/astro@7.3.5.patch: a hard link, not the same bytes written again.
    const keyed = pagesIn(forced.output).rendered.filter((page) => !alwaysRendered.includes(page));
    expect(keyed).toContain('/digests/2025-06-12-prisoner-exchange/index.html');
    for (const page of keyed) {
      const [inCache, inSite] = await Promise.all([
        stat(path.join(cacheDir, 'dist', page)),
        stat(path.join(forcedDist, page)),
      ]);
      expect({ page, inode: inCache.ino }).toEqual({ page, inode: inSite.ino });
    }
  });
});

describe('a build with its cache directory moved', () => {
  // As a CI cache is restored into another checkout: the loader's entry in Astro's data store
  // must name the content store where it is now, not where the previous build left it.
  let moved: BuildResult;
  let movedDist: string;
  beforeAll(async () => {
    const movedCache = path.join(workDir, 'moved/cache');
    await mkdir(path.dirname(movedCache), { recursive: true });
    await rename(cacheDir, movedCache);
    movedDist = path.join(workDir, 'moved/dist');
    moved = await buildSite({
      contentDir,
      siteDir: incrementalSite,
      outDir: movedDist,
      cacheDir: movedCache,
    });
  }, 600_000);

  it('builds, and writes what a clean build writes', async () => {
    succeeded(moved, 'build with the cache directory moved');
    const last = steps.get(edits.at(-1)?.name as string) as Step;
    expect(await siteDifferences(movedDist, last.cleanDist)).toEqual([]);
  });
});
