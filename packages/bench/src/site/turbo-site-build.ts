/**
 * The site's build through Turborepo, as `pnpm build` runs it. Turbo runs the workspace's
 * scripts through pnpm, so `pnpm` must be on PATH: it is when the harness itself is started
 * through pnpm (`pnpm bench`, `pnpm test`).
 */
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { measureCommand, type CommandMeasurement } from '../measure/measured-command.ts';
import { buildEnvironment, repositoryRoot, siteDir, turboBuildScript } from './workspace-paths.ts';

export interface TurboBuildMeasurement {
  wallMs: number;
  peakTreeRssBytes: number;
  /** Turbo replayed the site's build from its cache instead of running it. */
  cacheHit: boolean;
}

function pnpmDirectory(): string | undefined {
  const candidates = (process.env['PATH'] ?? '').split(path.delimiter);
  // pnpm names itself in npm_execpath for the scripts it runs.
  const execPath = process.env['npm_execpath'];
  if (execPath !== undefined && /pnpm/.test(path.basename(execPath)))
    candidates.push(path.dirname(execPath));
  return candidates.find((dir) => {
    try {
      accessSync(path.join(dir, 'pnpm'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Reads Turbo's run summary (`Cached:    1 cached, 1 total`). */
export function isFullCacheHit(output: string): boolean {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  return match !== null && match[1] === match[2];
}

/**
 * Runs `work` with apps/site/dist moved out of the way, then removes whatever the Turbo builds
 * left there and moves the original back, so a benchmark never leaves a corpus site where a
 * developer (or a deploy) expects the real one.
 */
export async function withSiteDistSetAside<Result>(work: () => Promise<Result>): Promise<Result> {
  const dist = path.join(siteDir, 'dist');
  // Beside dist on the same file system (so both moves are renames), and inside node_modules,
  // which git and so Turbo's input hashing ignore.
  const setAside = await mkdtemp(path.join(siteDir, 'node_modules', '.dist-set-aside-'));
  const kept = path.join(setAside, 'dist');
  const hadDist = await rename(dist, kept).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    return await work();
  } finally {
    await rm(dist, { recursive: true, force: true });
    if (hadDist) await rename(kept, dist);
    await rm(setAside, { recursive: true, force: true });
  }
}

/**
 * `pnpm build --filter=@fact-digest/site` over `contentDir`: apps/site/scripts/turbo-build.ts,
 * which fingerprints the content directory, then `turbo run build`.
 */
export async function buildSiteWithTurbo(contentDir: string): Promise<TurboBuildMeasurement> {
  const pnpm = pnpmDirectory();
  if (pnpm === undefined) {
    throw new Error(
      'Turbo runs workspace scripts through pnpm, which is not on PATH: start the benchmark with `npx -y pnpm@12.4.2 bench`.',
    );
  }
  const environment: Record<string, string | undefined> = {
    ...buildEnvironment(contentDir),
    CONTENT_DIR: contentDir,
  };
  const measurement: CommandMeasurement = await measureCommand(
    process.execPath,
    [turboBuildScript, '--filter=@fact-digest/site', '--ui=stream'],
    {
      cwd: repositoryRoot,
      env: {
        ...environment,
        PATH: `${environment['PATH'] ?? ''}${path.delimiter}${pnpm}`,
        TURBO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  return {
    wallMs: measurement.wallMs,
    peakTreeRssBytes: measurement.peakTreeRssBytes,
    cacheHit: isFullCacheHit(measurement.output),
  };
}
