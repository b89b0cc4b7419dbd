import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDirectory } from '../src/remove-directory.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'remove-directory-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('removeDirectory', () => {
  it('deletes a directory with everything in it and leaves its neighbours', async () => {
    const site = path.join(root, 'dist');
    for (const page of ['digests/a', 'digests/b', 'sources/c']) {
      await mkdir(path.join(site, page), { recursive: true });
      await writeFile(path.join(site, page, 'index.html'), '<p>page</p>');
    }
    await writeFile(path.join(root, 'kept.txt'), 'kept');
    await removeDirectory(site);
    expect(await readdir(root)).toEqual(['kept.txt']);
  });

  it('is done at once when there is nothing to delete', async () => {
    await expect(removeDirectory(path.join(root, 'never-built'))).resolves.toBeUndefined();
  });

  it('deletes a file given in place of a directory', async () => {
    const file = path.join(root, 'stale.json');
    await writeFile(file, '{}');
    await removeDirectory(file);
    expect(await readdir(root)).toEqual([]);
  });
});
