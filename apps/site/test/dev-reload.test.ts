// `astro dev` follows the editor: saving a digest reloads the content without restarting the
// server, and saving a broken one keeps the last good content on screen and prints the error.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSiteCopy } from './support/site-copy.ts';
import { fixtureContentDir } from './support/site-build.ts';

const digestFile = 'digests/2025-06-16-icrc-access.md';
const digestPath = '/digests/2025-06-16-icrc-access/';

let server: ChildProcess | undefined;
let output = '';
let root: string | undefined;
let contentDir: string;
let origin: string;
let lastFetchError = '';

/** This process's environment without Vitest's, which would put Astro and Vite in test mode. */
function serverEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
    ),
  );
}

/** Polls `check` until it holds; the dev server reloads content asynchronously. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Timed out waiting for ${what} (last fetch error: ${lastFetchError}). Dev server output:\n${output}`,
  );
}

async function page(): Promise<string> {
  try {
    const response = await fetch(`${origin}${digestPath}`);
    if (response.ok) return await response.text();
    lastFetchError = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    return '';
  } catch (error) {
    lastFetchError = String((error as Error).cause ?? error);
    return '';
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fact-digest-dev-'));
  const siteDir = await createSiteCopy(path.join(root, 'repo'));
  contentDir = path.join(root, 'content');
  await cp(fixtureContentDir, contentDir, { recursive: true });
  server = spawn(
    process.execPath,
    [path.join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1'],
    {
      cwd: siteDir,
      env: { ...serverEnvironment(), CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // Astro moves to the next free port when 4321 is taken: read the address it prints.
  await eventually(async () => {
    origin = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    return origin !== '';
  }, 'the dev server to start');
  await eventually(
    async () => (await page()).includes('Red Cross access to prisoners of war'),
    'the dev server',
  );
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill();
    await exited;
  }
  if (root) await rm(root, { recursive: true, force: true });
});

test('saving a digest updates the page without restarting the server', async () => {
  const file = path.join(contentDir, digestFile);
  const original = await readFile(file, 'utf8');
  await writeFile(
    file,
    original.replace(
      'title: Red Cross access to prisoners of war',
      'title: Red Cross visits, revised',
    ),
  );
  await eventually(
    async () => (await page()).includes('Red Cross visits, revised'),
    'the new title',
  );
  expect(output).toContain(`${digestFile} changed: reloading the content.`);
  // The site feed, which a build writes after the pages, is served by the dev server too, and
  // follows the edit.
  const feed = await fetch(`${origin}/rss.xml`);
  expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  const items = parseFeed(await feed.text()).items;
  expect(items.map((item) => item.title)).toContain('Red Cross visits, revised');
  expect(items).toHaveLength(3);
}, 90_000);

test('saving a broken digest prints its error and keeps the last good content', async () => {
  const file = path.join(contentDir, digestFile);
  const good = await readFile(file, 'utf8');
  await writeFile(file, good.replace('eventDate: 2025-06-16', 'eventDate: 2025-02-30'));
  await eventually(async () => output.includes('date-invalid'), 'the diagnostic');
  expect(output).toMatch(/2025-06-16-icrc-access\.md:3:\d+\s+error\s+.*date-invalid/);
  expect(await page()).toContain('Red Cross visits, revised');
}, 90_000);
