/**
 * Files that a reader finds whole or not at all. The build's stores and records are read by a
 * later build, which may come after this one was killed half-way: a file written in place could
 * then be read half-written.
 */
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** Writes `text` to a temporary name beside `file`, then renames it to `file`. */
export async function writeWholeFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The file's text, or undefined when there is no such file. */
export function readTextIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
