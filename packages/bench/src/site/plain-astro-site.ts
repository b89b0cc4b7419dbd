/**
 * The baseline site: what Astro does with the same Markdown files and nothing of ours. Three
 * collections through the `glob()` loader, Astro's default Markdown processor, one page per file.
 * It is generated into a temporary folder whose node_modules links to this package's, where
 * `astro` is installed.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measureCommand } from '../measure/measured-command.ts';
import { countPages } from './count-pages.ts';
import { astroEntry, benchPackageDir, buildEnvironment } from './workspace-paths.ts';
import type { SiteBuildMeasurement } from './fact-digest-site.ts';

const contentConfig = (
  contentDir: string,
): string => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const folder = (name) => glob({ pattern: '*.md', base: ${JSON.stringify(contentDir)} + '/' + name });

export const collections = {
  digests: defineCollection({ loader: folder('digests') }),
  entities: defineCollection({ loader: folder('entities') }),
  sources: defineCollection({ loader: folder('sources') }),
};
`;

const page = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const collections = ['digests', 'entities', 'sources'];
  const entries = (await Promise.all(collections.map((name) => getCollection(name)))).flat();
  return entries.map((entry) => ({
    params: { collection: entry.collection, id: entry.id },
    props: { entry },
  }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
const title = entry.data.title ?? entry.data.name ?? entry.id;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><main><h1>{title}</h1><Content /></main></body>
</html>
`;

/** Writes the baseline Astro project into `siteDir` (replacing it), reading Markdown from `contentDir`. */
export async function writePlainAstroSite(siteDir: string, contentDir: string): Promise<void> {
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(path.join(siteDir, 'src/pages/[collection]'), { recursive: true });
  await symlink(
    path.join(benchPackageDir, 'node_modules'),
    path.join(siteDir, 'node_modules'),
    'dir',
  );
  await writeFile(
    path.join(siteDir, 'package.json'),
    JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }),
  );
  await writeFile(
    path.join(siteDir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ output: 'static' });\n",
  );
  await writeFile(path.join(siteDir, 'src/content.config.mjs'), contentConfig(contentDir));
  await writeFile(path.join(siteDir, 'src/pages/[collection]/[id].astro'), page);
}

export async function buildPlainAstroSite(
  siteDir: string,
  outDir: string,
): Promise<SiteBuildMeasurement> {
  await rm(outDir, { recursive: true, force: true });
  const astro = await measureCommand(
    process.execPath,
    [astroEntry(benchPackageDir), 'build', '--outDir', outDir, '--force'],
    {
      cwd: siteDir,
      env: buildEnvironment(''),
    },
  );
  return {
    wallMs: astro.wallMs,
    peakTreeRssBytes: astro.peakTreeRssBytes,
    pages: await countPages(outDir),
    astroMs: astro.wallMs,
    pagefindMs: 0,
  };
}
