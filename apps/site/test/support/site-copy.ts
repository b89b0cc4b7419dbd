/**
 * A fresh copy of apps/site to build in, so a build starts from clean state: Astro keeps state
 * inside the project (`.astro/`, and `node_modules/.astro` and `.vite` under the site's
 * node_modules), which a second build in the same project would find. The copy has the site's
 * sources, a node_modules of links to the site's dependencies without those caches, and links
 * to the rest of the repository at the same relative places (so `../../tsconfig.base.json` and
 * the workspace packages resolve as in the real tree).
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { siteRoot } from './site-build.ts';

/** Outputs, caches and tests stay behind; everything else (sources, configs) is copied. */
const notCopied = new Set([
  'node_modules',
  'dist',
  'dist.staging',
  '.astro',
  '.turbo',
  'test',
  'test-results',
]);
/** State Astro and Vite keep under node_modules. */
const dependencyCaches = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/** Creates the copy under the empty or missing `copyRoot`; returns its apps/site folder. */
export async function createSiteCopy(copyRoot: string): Promise<string> {
  const repositoryRoot = path.resolve(siteRoot, '../..');
  const copiedSite = path.join(copyRoot, 'apps/site');
  await mkdir(copiedSite, { recursive: true });
  for (const entry of await readdir(repositoryRoot)) {
    if (entry === 'apps' || entry === '.git') continue;
    await symlink(path.join(repositoryRoot, entry), path.join(copyRoot, entry));
  }
  for (const entry of await readdir(siteRoot)) {
    if (notCopied.has(entry)) continue;
    await cp(path.join(siteRoot, entry), path.join(copiedSite, entry), { recursive: true });
  }
  const modules = path.join(copiedSite, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(path.join(siteRoot, 'node_modules'))) {
    if (dependencyCaches.has(entry)) continue;
    await symlink(path.join(siteRoot, 'node_modules', entry), path.join(modules, entry));
  }
  return copiedSite;
}
