/**
 * Where the harness finds the workspace it benchmarks. Entry points are run with this process's
 * Node (24) directly rather than through the `.bin` shims, which would pick whatever `node` is
 * first on PATH.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repositoryRoot: string = fileURLToPath(new URL('../../../../', import.meta.url));
export const siteDir: string = path.join(repositoryRoot, 'apps/site');
export const benchPackageDir: string = path.join(repositoryRoot, 'packages/bench');

export const astroEntry = (fromPackageDir: string): string =>
  path.join(fromPackageDir, 'node_modules/astro/bin/astro.mjs');
/** What `pnpm build` runs: Turbo, with the content directory's fingerprint (see the script). */
export const turboBuildScript: string = path.join(siteDir, 'scripts/turbo-build.ts');

/** Environment every build gets: Node 24 first on PATH, and no telemetry (there is no network). */
export function buildEnvironment(contentDir: string): Record<string, string> {
  return {
    CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
  };
}
