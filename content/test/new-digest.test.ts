import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNewDigest, todayUtc } from '../cli/new-digest.ts';
import { captureIO } from './capture-io.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fact-digest-new-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('pnpm new', () => {
  it('writes a draft named after the date and title, and prints its path', async () => {
    const io = captureIO(root);
    const code = await runNewDigest(
      ['Zelensky announces a fourth exchange', '--date', '2025-06-14', '--content', 'content'],
      io,
    );
    expect(code).toBe(0);
    expect(io.out).toEqual(['content/digests/2025-06-14-zelensky-announces-a-fourth-exchange.md']);
    const text = await readFile(path.join(root, io.out[0] ?? ''), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: Zelensky announces a fourth exchange\neventDate: 2025-06-14\n/,
    );
    expect(text).toContain(`published: ${todayUtc()}\n`);
    expect(text).toContain('status: draft\n');
  });

  it("uses today's date when --date is not given", async () => {
    const io = captureIO(root);
    expect(await runNewDigest(['Title', '--content', '.'], io)).toBe(0);
    expect(io.out).toEqual([`digests/${todayUtc()}-title.md`]);
  });

  it('never overwrites an existing digest: the new one gets the next free id', async () => {
    const digests = path.join(root, 'digests');
    await mkdir(digests, { recursive: true });
    const existing = path.join(digests, '2025-06-12-exchange.md');
    await writeFile(existing, 'an editor’s work in progress\n');

    const io = captureIO(root);
    expect(await runNewDigest(['Exchange', '--date', '2025-06-12', '--content', '.'], io)).toBe(0);
    expect(await runNewDigest(['Exchange', '--date', '2025-06-12', '--content', '.'], io)).toBe(0);

    expect(io.out).toEqual([
      'digests/2025-06-12-exchange-2.md',
      'digests/2025-06-12-exchange-3.md',
    ]);
    expect(await readFile(existing, 'utf8')).toBe('an editor’s work in progress\n');
    expect((await readdir(digests)).sort()).toEqual([
      '2025-06-12-exchange-2.md',
      '2025-06-12-exchange-3.md',
      '2025-06-12-exchange.md',
    ]);
  });

  it('builds ids from any script and keeps path separators out of them', async () => {
    const io = captureIO(root);
    expect(
      await runNewDigest(['../../Обмін полоненими', '--date', '2025-06-14', '--content', '.'], io),
    ).toBe(0);
    expect(io.out).toEqual(['digests/2025-06-14-obmin-polonenimi.md']);
    expect(await readdir(root)).toEqual(['digests']);
  });

  it('rejects an impossible date and writes nothing', async () => {
    const io = captureIO(root);
    expect(await runNewDigest(['Title', '--date', '2025-02-30', '--content', '.'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('--date 2025-02-30 is not a real calendar date');
    expect(await readdir(root)).toEqual([]);
  });

  it('asks for a title when none is given', async () => {
    const io = captureIO(root);
    expect(await runNewDigest(['--content', '.'], io)).toBe(2);
    expect(io.err.join('\n')).toContain("Missing the digest's title.");
  });
});
