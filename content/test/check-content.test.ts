import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../index.ts';
import { runCheck } from '../cli/check-content.ts';
import { captureIO } from './capture-io.ts';

const broken = 'digests/2025-06-12-prisoner-exchange.md';

/** Replaces `from` once in the file and returns the 1-based line:column where `to` now starts. */
async function breakFile(file: string, from: string, to: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const offset = text.indexOf(from);
  expect(offset, `fixture text not found: ${from}`).toBeGreaterThan(-1);
  await writeFile(file, text.slice(0, offset) + to + text.slice(offset + from.length));
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

describe('pnpm check', () => {
  it('passes the committed content', async () => {
    const io = captureIO(path.dirname(contentDir));
    expect(await runCheck([], io)).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.err.join('\n')).toMatch(
      /^Checked \d+ digests, \d+ entities, 1 source: no problems\.$/,
    );
  });

  it('fails, instead of checking nothing, when --content is not a content directory', async () => {
    const io = captureIO(path.dirname(contentDir));
    expect(await runCheck(['--content', 'cli'], io)).toBe(2);
    expect(io.err.join('\n')).toContain(
      `${path.join(path.dirname(contentDir), 'cli')} is not a content directory: it has no digests/, entities/, sources/ folder.`,
    );
  });

  describe('on a copy with a broken link, an unknown verdict and a misquoted claim', () => {
    let root: string;
    const at: Record<string, string> = {};

    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'fact-digest-check-'));
      await cp(contentDir, path.join(root, 'content'), {
        recursive: true,
        filter: (source) => !source.includes('node_modules'),
      });
      const file = path.join(root, 'content', broken);
      at['link'] = await breakFile(
        file,
        '[10 June exchange](./2025-06-10-prisoner-exchange.md)',
        '[10 June exchange](./2025-06-10-prisoner-swap.md)',
      );
      const verdict = await breakFile(
        file,
        'verdict=unsupported}\n> another group',
        'verdict=true}\n> another group',
      );
      at['verdict'] = verdict;
      at['quote'] = await breakFile(
        file,
        '> the number of personnel released was not immediately disclosed',
        '> the number of personnel released was never disclosed',
      );
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('exits 1 and names each problem by file, line and column', async () => {
      const io = captureIO(root);
      expect(await runCheck(['--content', 'content'], io)).toBe(1);
      const lines = io.out.join('\n');
      const [linkLine] = (at['link'] ?? '').split(':');
      expect(lines).toMatch(
        new RegExp(`^content/${broken}:${linkLine}:\\d+  error  .*link-missing-file$`, 'm'),
      );
      expect(lines).toMatch(
        new RegExp(
          `^content/${broken}:${at['verdict']?.split(':')[0]}:\\d+  error  .*claim-verdict-unknown$`,
          'm',
        ),
      );
      expect(lines).toMatch(
        new RegExp(
          `^content/${broken}:${at['quote']?.split(':')[0]}:\\d+  error  .*claim-quote-not-verbatim$`,
          'm',
        ),
      );
      expect(io.err.join('\n')).toMatch(/: 3 errors, 0 warnings\.$/);
    });

    it('prints GitHub annotations with --format github', async () => {
      const io = captureIO(root);
      expect(await runCheck(['--content', 'content', '--format', 'github'], io)).toBe(1);
      expect(io.out).toHaveLength(3);
      for (const line of io.out) {
        expect(line).toMatch(new RegExp(`^::error file=content/${broken},line=\\d+,col=\\d+`));
      }
    });

    it('prints machine-readable diagnostics with --format json', async () => {
      const io = captureIO(root);
      expect(await runCheck(['--content', 'content', '--format', 'json'], io)).toBe(1);
      const diagnostics = JSON.parse(io.out.join('\n')) as { ruleId: string; file: string }[];
      expect(diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual([
        'claim-quote-not-verbatim',
        'claim-verdict-unknown',
        'link-missing-file',
      ]);
      expect(new Set(diagnostics.map((diagnostic) => diagnostic.file))).toEqual(
        new Set([`content/${broken}`]),
      );
    });
  });

  it('rejects an unknown output format', async () => {
    const io = captureIO(process.cwd());
    expect(await runCheck(['--format', 'xml'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('Unknown --format xml');
  });
});
