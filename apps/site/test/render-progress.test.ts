/**
 * scripts/render-progress.ts in a real `astro build`: the Astro step as build-site.ts runs it
 * (scripts/astro-build-step.ts with an IPC channel), in a copy of the site, over the fixture
 * content. build-site.ts starts the search index once the digest pages' route is followed by
 * another, so every route must be reported as Astro starts its pages, in the order it renders.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keptPagesInPlace } from '../scripts/cached-pages.ts';
import { isRouteStarted } from '../scripts/render-progress-message.ts';
import { fixtureContentDir, testSiteUrl } from './support/site-build.ts';
import { createSiteCopy } from './support/site-copy.ts';

let workDir: string;
let siteDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-render-progress-'));
  siteDir = await createSiteCopy(path.join(workDir, 'repository'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the Astro step as build-site.ts does; resolves with what it sent and its exit code. */
function runAstroStep(outDir: string): Promise<{ exitCode: number; messages: unknown[] }> {
  const child = spawn(
    process.execPath,
    [
      'scripts/astro-build-step.ts',
      '--root',
      siteDir,
      '--outDir',
      outDir,
      '--cacheDir',
      path.join(workDir, 'cache'),
    ],
    {
      cwd: siteDir,
      env: { ...process.env, CONTENT_DIR: fixtureContentDir, SITE_URL: testSiteUrl },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const messages: unknown[] = [];
  child.on('message', (message) => messages.push(message));
  // The step writes no page before it is told the kept pages are in place (there are none).
  child.send(keptPagesInPlace);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, messages }));
  });
}

it('reports each route as Astro starts its pages, the digest pages before the routes after them', async () => {
  const outDir = path.join(workDir, 'dist');
  const { exitCode, messages } = await runAstroStep(outDir);
  expect(exitCode).toBe(0);
  expect(messages.every(isRouteStarted)).toBe(true);
  const routes = messages.filter(isRouteStarted).map((message) => message.route);
  // Every route of src/pages, none twice in a row; the fixture's lists fit on their first page,
  // so the routes of later list pages make no page.
  expect(new Set(routes)).toEqual(
    new Set([
      '/',
      '/404',
      '/about',
      '/claims/[...page]',
      '/claims/[verdict]/[...page]',
      '/corrections',
      '/digests',
      '/digests/[id]',
      '/entities',
      '/entities/[id]',
      '/entities/[id]/rss.xml',
      '/methodology',
      '/robots.txt',
      '/search',
      '/sources',
      '/sources/[id]',
      '/tags',
      '/tags/[tag]',
      '/timeline',
      '/timeline/[month]',
    ]),
  );
  expect(routes.filter((route, index) => route === routes[index - 1])).toEqual([]);
  // The digest pages are followed by the routes that take most of the rendering.
  const digestPages = routes.indexOf('/digests/[id]');
  expect(routes.indexOf('/entities/[id]')).toBeGreaterThan(digestPages);
  expect(routes.indexOf('/sources/[id]')).toBeGreaterThan(digestPages);
  await expect(
    access(path.join(outDir, 'digests/2025-06-12-prisoner-exchange/index.html')),
  ).resolves.toBeUndefined();
});
