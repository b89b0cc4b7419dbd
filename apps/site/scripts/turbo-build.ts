/**
 * `pnpm build`: `turbo run build` over the workspace, with this script's arguments passed on
 * (`pnpm build --filter=@fact-digest/site`).
 *
 * With CONTENT_DIR set, the site's build also depends on that directory's files, which Turbo
 * cannot see when the directory is outside the repository. So this script first sets
 * CONTENT_DIR_FINGERPRINT (scripts/content-fingerprint.ts), which apps/site/turbo.json hashes: an
 * edited digest makes a new hash, and Turbo builds again instead of replaying the site built
 * before the edit. Fingerprinting the 30,166 files of a 10,000-digest corpus takes about 0.5 s
 * (listing included, files in the page cache).
 *
 * `turbo run build` started directly with a CONTENT_DIR has no fingerprint: scripts/build-site.ts
 * then refuses to build, rather than leave a site in Turbo's cache that a later edit would not
 * replace.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeScript } from './child-step.ts';
import { withContentFingerprint } from './content-fingerprint.ts';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const turboEntry = path.join(repositoryRoot, 'node_modules/turbo/bin/turbo');

let environment: NodeJS.ProcessEnv;
try {
  environment = await withContentFingerprint(process.env);
} catch (error) {
  // Most likely not a content directory; the message says what it lacks.
  console.error(`CONTENT_DIR: ${(error as Error).message}`);
  process.exit(1);
}

const failure = await startNodeScript(turboEntry, ['run', 'build', ...process.argv.slice(2)], {
  cwd: repositoryRoot,
  env: environment,
}).exited;
// Turbo has already said what failed.
if (failure !== undefined) process.exitCode = 1;
