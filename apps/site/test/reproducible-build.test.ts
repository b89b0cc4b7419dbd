/**
 * Two builds of the same content give the same bytes (no clock time, no random ids), and the
 * second build reuses every cached parse instead of parsing the files again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from './support/site-build.ts';

describe('rebuilding the same content', () => {
  it('writes byte-identical output', async () => {
    const first = inject('firstDistDir');
    const second = inject('distDir');
    const files = await listFiles(second);
    expect(await listFiles(first)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(first, file)),
        readFile(path.join(second, file)),
      ]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });

  it('parses every file on the first build and none on the second', () => {
    expect(inject('firstBuildOutput')).toMatch(
      /Read 12 files from .*: parsed 12, reused 0 unchanged\./,
    );
    expect(inject('secondBuildOutput')).toMatch(
      /Read 12 files from .*: parsed 0, reused 12 unchanged\./,
    );
  });
});
