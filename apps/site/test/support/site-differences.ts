/** Comparing two built sites file by file. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './site-build.ts';

/** Files whose bytes differ between two builds, plus files only one of them has. */
export async function siteDifferences(first: string, second: string): Promise<string[]> {
  const [firstFiles, secondFiles] = await Promise.all([listFiles(first), listFiles(second)]);
  const onlyOne = [
    ...firstFiles
      .filter((file) => !secondFiles.includes(file))
      .map((file) => `only in first: ${file}`),
    ...secondFiles
      .filter((file) => !firstFiles.includes(file))
      .map((file) => `only in second: ${file}`),
  ];
  const different: string[] = [];
  for (const file of firstFiles.filter((candidate) => secondFiles.includes(candidate))) {
    const [a, b] = await Promise.all([
      readFile(path.join(first, file)),
      readFile(path.join(second, file)),
    ]);
    if (!a.equals(b)) different.push(`differs: ${file}`);
  }
  return [...onlyOne, ...different];
}
