/**
 * The site's build through Turborepo, as `pnpm build` runs it. Turbo runs the workspace's
 * scripts through pnpm, so `pnpm` must be on PATH: it is when the harness itself is started
 * through pnpm (`pnpm bench`, `pnpm test`).
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { measureCommand, type CommandMeasurement } from '../measure/measured-command.ts';
import { buildEnvironment, repositoryRoot, turboEntry } from './workspace-paths.ts';

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
 * `contentDir` undefined builds the committed content, as a developer's `pnpm build` does: the
 * harness ends with that build so apps/site/dist (which Turbo writes) holds the real site again,
 * usually replayed from Turbo's cache.
 */
export async function buildSiteWithTurbo(
  contentDir: string | undefined,
): Promise<TurboBuildMeasurement> {
  const pnpm = pnpmDirectory();
  if (pnpm === undefined) {
    throw new Error(
      'Turbo runs workspace scripts through pnpm, which is not on PATH: start the benchmark with `npx -y pnpm@12.4.2 bench`.',
    );
  }
  const environment: Record<string, string | undefined> = {
    ...buildEnvironment(contentDir ?? ''),
    CONTENT_DIR: contentDir,
  };
  const measurement: CommandMeasurement = await measureCommand(
    process.execPath,
    [turboEntry, 'run', 'build', '--filter=@fact-digest/site', '--ui=stream'],
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
