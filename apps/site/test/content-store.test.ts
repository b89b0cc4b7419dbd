/**
 * The digests' rendered HTML and the published content set live in files named by their
 * SHA-256, outside the data store. A page must get back exactly what the loader stored, or fail
 * the build.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentSha256,
  readStoredText,
  storedFileName,
  syncContentStore,
} from '../src/loaders/content-store.ts';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'content-store-')), 'html');
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const first = '<p>Ми повертаємо всіх &amp; 🇺🇦</p>';
const second = '<p>Another digest</p>';
const byName = (...htmls: string[]) =>
  new Map(htmls.map((html) => [storedFileName(contentSha256(html), 'html'), html]));
const readHtml = (html: string, owner: string, what = 'rendered HTML') =>
  readStoredText(dir, { sha256: contentSha256(html), kind: 'html' }, owner, what);

describe('content store', () => {
  it('gives back exactly the stored HTML, by hash', async () => {
    await syncContentStore(dir, byName(first, second));
    expect(readHtml(first, 'digests/a.md')).toBe(first);
    expect(readHtml(second, 'digests/b.md')).toBe(second);
  });

  it('keeps files of unchanged HTML as they are and deletes what the content no longer has', async () => {
    await syncContentStore(dir, byName(first, second));
    const kept = path.join(dir, storedFileName(contentSha256(first), 'html'));
    const before = await stat(kept);
    await syncContentStore(dir, byName(first));
    expect(await readdir(dir)).toEqual([storedFileName(contentSha256(first), 'html')]);
    expect((await stat(kept)).mtimeMs).toBe(before.mtimeMs);
  });

  it('fails, naming the digest and what to do, when the file changed or is gone', async () => {
    await syncContentStore(dir, byName(first));
    const file = path.join(dir, storedFileName(contentSha256(first), 'html'));
    await writeFile(file, '<p>edited by hand</p>');
    expect(() => readHtml(first, 'digests/a.md')).toThrow(
      `The rendered HTML of digests/a.md (${file}) changed after the content was loaded. Build again.`,
    );
    await rm(file);
    expect(() => readHtml(first, 'digests/a.md')).toThrow(
      `The rendered HTML of digests/a.md (${file}) is missing`,
    );
  });

  it("names the feed HTML when it is a digest's feed HTML that changed or is gone", async () => {
    await syncContentStore(dir, byName(first));
    const file = path.join(dir, storedFileName(contentSha256(first), 'html'));
    await writeFile(file, '<p>edited by hand</p>');
    expect(() => readHtml(first, 'digests/a.md', 'feed HTML')).toThrow(
      `The feed HTML of digests/a.md (${file}) changed after the content was loaded. Build again.`,
    );
    await rm(file);
    expect(() => readHtml(first, 'digests/a.md', 'feed HTML')).toThrow(
      `The feed HTML of digests/a.md (${file}) is missing: it was deleted after the content was loaded. Build again.`,
    );
  });

  it('leaves no temporary files behind', async () => {
    await syncContentStore(dir, byName(first, second));
    const names = await readdir(dir);
    expect(names.every((name) => name.endsWith('.html'))).toBe(true);
    expect(
      await readFile(path.join(dir, storedFileName(contentSha256(second), 'html')), 'utf8'),
    ).toBe(second);
  });
});
