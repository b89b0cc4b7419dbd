// `pnpm ingest`, run in-process through runIngest with a temp content directory of its own.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '@fact-digest/parser';
import { captureIO } from './capture-io.ts';
import { runIngest } from '../cli/ingest.ts';
import { todayUtc } from '../cli/new-digest.ts';

const fixtures = path.resolve(import.meta.dirname, '../../packages/parser/test/ingest/fixtures');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fact-digest-ingest-'));
  await cp(path.join(fixtures, 'registry'), path.join(root, 'content'), { recursive: true });
  await cp(
    path.join(fixtures, 'kyiv-independent-2025-06-14-pow-exchange.txt'),
    path.join(root, 'article.txt'),
  );
  await cp(path.join(fixtures, 'malformed.xml'), path.join(root, 'malformed.xml'));
  await cp(path.join(fixtures, 'atom-html.xml'), path.join(root, 'atom.xml'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function listContent(): Promise<string[]> {
  return (await readdir(path.join(root, 'content'), { recursive: true })).map(String).sort();
}

describe('pnpm ingest', () => {
  it('archives the article, writes the drafts and prints what it wrote', async () => {
    const io = captureIO(root);
    expect(await runIngest(['article.txt', '--content', 'content'], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out).toEqual([
      'article.txt: "Kyiv is continuing efforts to bring home its citizens held captive by…" (The Kyiv Independent, 2025-06-14)',
      '  wrote content/sources/kyiv-independent-2025-06-14-kyiv-continuing-efforts.md (archived source)',
      '  wrote content/digests/2025-06-02-istanbul-deal-reached-second.md (draft, 2 claims)',
      '  wrote content/digests/2025-06-10-june-12-release-follows.md (draft, 1 claim)',
      '  wrote content/digests/2025-06-11-ukraine-brought-back-bodies.md (draft, 1 claim)',
      '  wrote content/digests/2025-06-12-ukraine-brought-home-another.md (draft, 2 claims)',
      '  wrote content/digests/2025-06-13-ukraine-brought-back-bodies.md (draft, 1 claim)',
      '  wrote content/digests/2025-06-14-kyiv-continuing-efforts-bring.md (draft, 11 claims)',
      '  note: Publication date 2025-06-14 taken from the text (the fullest date it gives).',
    ]);
    const source = await readFile(
      path.join(root, 'content/sources/kyiv-independent-2025-06-14-kyiv-continuing-efforts.md'),
      'utf8',
    );
    expect(source).toContain(`\nreceived: ${todayUtc()}\n`);
    const content = await loadContent(path.join(root, 'content'));
    expect(content.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(content.digests).toHaveLength(6);
  });

  it('says an article is already ingested and writes nothing the second time', async () => {
    await runIngest(['article.txt', '--content', 'content'], captureIO(root));
    const before = await listContent();
    const io = captureIO(root);
    expect(await runIngest(['article.txt', '--content', 'content'], io)).toBe(0);
    expect(io.out).toEqual([
      'article.txt: already ingested as content/sources/kyiv-independent-2025-06-14-kyiv-continuing-efforts.md; nothing written',
    ]);
    expect(await listContent()).toEqual(before);
  });

  it('prints what it would write on --dry-run and writes nothing', async () => {
    const before = await listContent();
    const io = captureIO(root);
    expect(await runIngest(['atom.xml', '--content', 'content', '--dry-run'], io)).toBe(0);
    expect(io.out).toEqual([
      'atom.xml: "Bridge reopens after repairs" (Valley Courier, 2025-05-20)',
      '  would write content/sources/valley-courier-2025-05-20-bridge-reopens-after.md (archived source)',
      // Valley Courier is not in this registry, so no claimant fits: the claims wait in the notes.
      '  would write content/digests/2025-05-19-old-bridge-reopened-may.md (draft, 0 claims, 1 candidate claim in its notes: no registry entity can be the claimant)',
      '  would write content/digests/2025-05-20-traffic-will-limited-20.md (draft, 0 claims, 1 candidate claim in its notes: no registry entity can be the claimant)',
    ]);
    expect(await listContent()).toEqual(before);
  });

  it('applies --publisher, --date and --url', async () => {
    const io = captureIO(root);
    const code = await runIngest(
      [
        'atom.xml',
        '--content',
        'content',
        '--publisher',
        'Courier Group',
        '--date',
        '2025-05-21',
        '--url',
        'https://example.com/a',
      ],
      io,
    );
    expect(code).toBe(0);
    const [, sourceLine] = io.out;
    expect(sourceLine).toBe(
      '  wrote content/sources/courier-group-2025-05-21-bridge-reopens-after.md (archived source)',
    );
    const source = await readFile(
      path.join(root, 'content/sources/courier-group-2025-05-21-bridge-reopens-after.md'),
      'utf8',
    );
    expect(source).toMatch(
      /^---\ntitle: Bridge reopens after repairs\npublisher: Courier Group\nurl: https:\/\/example.com\/a\n/,
    );
    expect(source).toContain('\npublished: 2025-05-21\n');
  });

  it('reports a malformed feed at file:line:col, exits 1 and writes nothing', async () => {
    const before = await listContent();
    const io = captureIO(root);
    expect(await runIngest(['article.txt', 'malformed.xml', '--content', 'content'], io)).toBe(1);
    expect(io.err).toEqual([
      "malformed.xml:6:22: malformed feed XML: Expected closing tag 'title' (opened in line 6, col 7) instead of closing tag 'titel'.",
      'Nothing written: fix the input(s) above and run again.',
    ]);
    expect(io.out).toEqual([]);
    expect(await listContent()).toEqual(before);
  });

  it('rejects bad flags with a usage message and exit code 2', async () => {
    const cases: Array<[string[], string]> = [
      [[], 'Missing the file(s) to ingest.'],
      [
        ['article.txt', '--date', '2025-02-30'],
        '--date 2025-02-30 is not a real calendar date; write it as YYYY-MM-DD.',
      ],
      [
        ['article.txt', '--url', 'javascript:alert(1)'],
        '--url javascript:alert(1) is not an absolute http(s) URL.',
      ],
      [['article.txt', '--force'], "Unknown option '--force'"],
    ];
    for (const [argv, message] of cases) {
      const io = captureIO(root);
      expect(await runIngest(argv, io), argv.join(' ')).toBe(2);
      expect(io.err.join('\n'), argv.join(' ')).toContain(message);
    }
  });
});
