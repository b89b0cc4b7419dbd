/**
 * The only part of ingest that writes. Every path is checked to resolve inside the content
 * directory (symbolic links included) before anything is written, and files are opened with the
 * `wx` flag, so an existing file is never overwritten, even one created after we looked.
 */
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from './plan-ingest.ts';

export class UnsafePathError extends Error {
  constructor(target: string, contentDir: string) {
    super(`refusing to write ${target}: it resolves outside the content directory ${contentDir}`);
    this.name = 'UnsafePathError';
  }
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Absolute target paths, after checking that each one really lies inside the content directory. */
export async function resolveTargets(
  contentDir: string,
  files: readonly PlannedFile[],
): Promise<string[]> {
  const root = await realpath(contentDir);
  const targets: string[] = [];
  for (const file of files) {
    const target = path.resolve(contentDir, file.path);
    if (!isInside(path.resolve(contentDir), target)) throw new UnsafePathError(target, contentDir);
    let parent: string;
    try {
      parent = await realpath(path.dirname(target));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      parent = path.join(root, path.relative(path.resolve(contentDir), path.dirname(target)));
    }
    if (!isInside(root, path.join(parent, path.basename(target))))
      throw new UnsafePathError(target, contentDir);
    targets.push(target);
  }
  return targets;
}

/** Writes the planned files; returns the absolute paths written. */
export async function writePlannedFiles(
  contentDir: string,
  files: readonly PlannedFile[],
): Promise<string[]> {
  const targets = await resolveTargets(contentDir, files);
  const written: string[] = [];
  for (const [index, target] of targets.entries()) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, files[index]?.content ?? '', { flag: 'wx' });
    written.push(target);
  }
  return written;
}
