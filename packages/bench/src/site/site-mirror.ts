/**
 * A private copy of apps/site to build from. Astro writes intermediate files into the project
 * itself (`.astro/.prerender`, `node_modules/.astro`), so two builds of apps/site at once (the
 * benchmark and an engineer's own) break each other. The copy has the site's own files, a
 * node_modules of links to the site's dependencies (without their caches), and links to the rest
 * of the repository at the same relative places, so `../../tsconfig.base.json` and workspace
 * packages resolve as in the real tree.
 */
import { cp, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot, siteDir } from './workspace-paths.ts';

/** Build output and caches: never copied, so each build starts from the site's sources. */
const siteOutputs = new Set(['node_modules', 'dist', '.astro', '.turbo', 'test-results', 'test']);
const dependencyCaches = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/** Creates the copy under `mirrorRoot` and returns its apps/site folder. */
export async function createSiteMirror(mirrorRoot: string): Promise<string> {
  await rm(mirrorRoot, { recursive: true, force: true });
  const mirroredSite = path.join(mirrorRoot, 'apps/site');
  await mkdir(mirroredSite, { recursive: true });
  for (const entry of await readdir(repositoryRoot)) {
    if (entry === 'apps' || entry === '.git') continue;
    await symlink(path.join(repositoryRoot, entry), path.join(mirrorRoot, entry));
  }
  for (const entry of await readdir(siteDir)) {
    if (siteOutputs.has(entry)) continue;
    await cp(path.join(siteDir, entry), path.join(mirroredSite, entry), { recursive: true });
  }
  const modules = path.join(mirroredSite, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(path.join(siteDir, 'node_modules'))) {
    if (dependencyCaches.has(entry)) continue;
    await symlink(path.join(siteDir, 'node_modules', entry), path.join(modules, entry));
  }
  return mirroredSite;
}
