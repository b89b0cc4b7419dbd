/**
 * The digests' rendered HTML and the published content set live in a database, by SHA-256,
 * outside the data store. A page must get back exactly what the loader stored, or fail the build.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
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

/** Changes the store behind the loader's back, as a person or another program might. */
function tamper(sql: string, ...values: string[]): void {
  const database = new DatabaseSync(path.join(dir, 'content-store.sqlite'));
  database.prepare(sql).run(...values);
  database.close();
}

describe('content store', () => {
  it('gives back exactly the stored HTML, by hash', async () => {
    await syncContentStore(dir, byName(first, second));
    expect(readHtml(first, 'digests/a.md')).toBe(first);
    expect(readHtml(second, 'digests/b.md')).toBe(second);
  });

  it('keeps unchanged HTML and deletes what the content no longer has', async () => {
    await syncContentStore(dir, byName(first, second));
    await syncContentStore(dir, byName(first));
    expect(readHtml(first, 'digests/a.md')).toBe(first);
    expect(() => readHtml(second, 'digests/b.md')).toThrow('is missing');
  });

  it('fails, naming the digest and what to do, when the HTML changed or is gone', async () => {
    await syncContentStore(dir, byName(first));
    const name = storedFileName(contentSha256(first), 'html');
    const where = `${name} in ${path.join(dir, 'content-store.sqlite')}`;
    tamper('UPDATE texts SET text = ? WHERE name = ?', '<p>edited by hand</p>', name);
    expect(() => readHtml(first, 'digests/a.md')).toThrow(
      `The rendered HTML of digests/a.md (${where}) changed after the content was loaded. Build again.`,
    );
    tamper('DELETE FROM texts WHERE name = ?', name);
    expect(() => readHtml(first, 'digests/a.md', 'feed HTML')).toThrow(
      `The feed HTML of digests/a.md (${where}) is missing: it was deleted after the content was loaded. Build again.`,
    );
  });

  it('fails, naming what to do, when there is no store', () => {
    expect(() => readHtml(first, 'digests/a.md')).toThrow(
      /^The rendered HTML of digests\/a\.md \(.* in .*content-store\.sqlite\) cannot be read: .*\. Build again\.$/,
    );
  });

  it('starts a damaged store anew', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'content-store.sqlite'),
      'not a database, but long enough to be read as one'.repeat(20),
    );
    await syncContentStore(dir, byName(first));
    expect(readHtml(first, 'digests/a.md')).toBe(first);
  });

  it('removes the files of the file-per-text store it replaces', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, storedFileName(contentSha256(second), 'html')), second);
    await syncContentStore(dir, byName(first));
    expect((await readdir(dir)).filter((name) => !name.startsWith('content-store.sqlite'))).toEqual(
      [],
    );
    expect(readHtml(first, 'digests/a.md')).toBe(first);
  });
});
