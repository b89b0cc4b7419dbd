/**
 * The bad-input corpus: each folder in `bad-input/` is a small content directory (its own files
 * over the shared `_base/` entities and source) and an `expected.json` holding the exact
 * diagnostics, the exit code of `pnpm check` and the exit code the site build must have (1 when
 * there is any error). `pnpm check` runs in-process on a copy of each case.
 *
 * Expectations are regenerated only with `UPDATE_FIXTURES=1` (review the diff); the
 * `description` and `data` fields are written by hand and kept.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, loadContent, type Diagnostic } from '@fact-digest/parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../cli/check-content.ts';
import type { CommandIO } from '../cli/command-io.ts';

const corpusDir = fileURLToPath(new URL('bad-input', import.meta.url));
const baseDir = path.join(corpusDir, '_base');
const update = process.env['UPDATE_FIXTURES'] === '1';

type ExpectedDiagnostic = Pick<
  Diagnostic,
  'file' | 'line' | 'column' | 'severity' | 'ruleId' | 'message'
>;

interface Expected {
  /** What the case is about (hand-written). */
  description: string;
  /** Exit code of `pnpm check`. */
  exitCode?: number;
  /** Exit code the site build must have: 1 whenever there is an error diagnostic. */
  siteBuildExitCode?: number;
  diagnostics?: ExpectedDiagnostic[];
  /** Parsed fields that must come out exactly as written (hand-written), by kind and id. */
  data?: Partial<Record<'digests' | 'entities', Record<string, Record<string, unknown>>>>;
}

interface CapturedIO extends CommandIO {
  out: string[];
  err: string[];
}

function captureIO(cwd: string): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (line) => out.push(line), stderr: (line) => err.push(line) };
}

const caseNames = (await readdir(corpusDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name)
  .sort();

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fact-digest-bad-input-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** A fresh `content/` for the case: the shared base, then the case's own files over it. */
async function contentFor(name: string): Promise<string> {
  const root = path.join(workDir, name);
  const content = path.join(root, 'content');
  await cp(baseDir, content, { recursive: true });
  await cp(path.join(corpusDir, name), content, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'expected.json',
  });
  return root;
}

function pretty(diagnostic: ExpectedDiagnostic): string {
  const { file, line, column, severity, message, ruleId } = diagnostic;
  return `${file}:${line}:${column}  ${severity}  ${message}  ${ruleId}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

test('the corpus has at least 40 cases, each with a description', async () => {
  expect(caseNames.length).toBeGreaterThanOrEqual(40);
  for (const name of caseNames) {
    const expected = JSON.parse(
      await readFile(path.join(corpusDir, name, 'expected.json'), 'utf8'),
    ) as Expected;
    expect(expected.description, name).toMatch(/\S/);
  }
});

describe('pnpm check on bad input', () => {
  // A limit, not a timing assertion: the deep-nesting cases take a few seconds on a slow machine.
  test.each(caseNames)('%s', { timeout: 60_000 }, async (name) => {
    const expectedPath = path.join(corpusDir, name, 'expected.json');
    const expected = JSON.parse(await readFile(expectedPath, 'utf8')) as Expected;
    const root = await contentFor(name);

    const io = captureIO(root);
    const exitCode = await runCheck(['--content', 'content', '--format', 'json'], io);
    const diagnostics = (JSON.parse(io.out.join('\n')) as Diagnostic[]).map(
      ({ file, line, column, severity, ruleId, message }) => ({
        file,
        line,
        column,
        severity,
        ruleId,
        message,
      }),
    );
    const actual = {
      exitCode,
      siteBuildExitCode: hasErrors(diagnostics) ? 1 : 0,
      diagnostics,
    };
    if (update) {
      const { description, data } = expected;
      const updated: Expected = { description, ...actual, ...(data ? { data } : {}) };
      await writeFile(expectedPath, `${JSON.stringify(updated, null, 2)}\n`);
      return;
    }
    expect(actual).toEqual({
      exitCode: expected.exitCode,
      siteBuildExitCode: expected.siteBuildExitCode,
      diagnostics: expected.diagnostics,
    });
    expect(exitCode).toBe(hasErrors(diagnostics) ? 1 : 0);

    // The default output prints every diagnostic, one per line, and counts them.
    const prettyIO = captureIO(root);
    expect(await runCheck(['--content', 'content'], prettyIO)).toBe(exitCode);
    expect(prettyIO.out).toEqual((expected.diagnostics ?? []).map(pretty));
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    expect(prettyIO.err.at(-1)).toMatch(
      diagnostics.length === 0
        ? /: no problems\.$/
        : new RegExp(`: ${count(errors, 'error')}, ${count(warnings, 'warning')}\\.$`),
    );

    if (expected.data) {
      const content = await loadContent(path.join(root, 'content'));
      for (const [kind, byId] of Object.entries(expected.data)) {
        const items: { id: string }[] = kind === 'digests' ? content.digests : content.entities;
        for (const [id, fields] of Object.entries(byId)) {
          const item = items.find((candidate) => candidate.id === id);
          expect(item, `${kind}/${id}`).toBeDefined();
          expect(item).toMatchObject(fields);
        }
      }
    }
  });
});

/** Writes a case at runtime (too big to commit) and returns its root. */
async function generatedCase(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(workDir, name);
  await cp(baseDir, path.join(root, 'content'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'content', file)), { recursive: true });
    await writeFile(path.join(root, 'content', file), text);
  }
  return root;
}

const frontmatter = `---
title: A large digest
eventDate: 2025-06-14
published: 2025-06-15
conclusion: A conclusion.
status: published
sources:
  - id: kyiv
    title: Ukraine brings home more POWs
    publisher: The Kyiv Independent
    published: 2025-06-14
    archived: ../sources/kyiv-independent-2025-06-14.md
---
`;

const cli = fileURLToPath(new URL('../cli/fact-digest.ts', import.meta.url));

/**
 * Runs the real `pnpm check` command in a Node process with a capped heap: it fails (out of
 * memory) rather than passing slowly if parsing the case needs more than `heapMegabytes`.
 */
function checkWithHeapLimit(root: string, heapMegabytes: number) {
  const result = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMegabytes}`,
      cli,
      'check',
      '--content',
      'content',
      '--format',
      'json',
    ],
    { cwd: root, env: { ...process.env, INIT_CWD: root }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('large input, generated at runtime', () => {
  // Limits, not timing assertions: each spawns `pnpm check` on megabytes of Markdown.
  test(
    'a 10 MB digest parses with no diagnostics within a 1 GB heap',
    { timeout: 180_000 },
    async () => {
      const paragraph =
        'Ukraine and Russia exchanged prisoners, Zelensky said; [the archived copy](../sources/kyiv-independent-2025-06-14.md) has the text. '.repeat(
          8,
        ) + '\n\n';
      const body = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
      const root = await generatedCase('ten-megabytes', { 'digests/large.md': frontmatter + body });
      expect(Buffer.byteLength(frontmatter + body)).toBeGreaterThanOrEqual(10_000_000);
      const result = checkWithHeapLimit(root, 1024);
      expect(result.stderr).toMatch(/^Checked 1 digest, 2 entities, 1 source: no problems\.$/m);
      expect(JSON.parse(result.stdout)).toEqual([]);
      expect(result.status).toBe(0);
    },
  );

  test(
    '10,000 claims in one digest parse with no diagnostics within a 1 GB heap',
    { timeout: 180_000 },
    async () => {
      const claims = Array.from(
        { length: 10_000 },
        (
          _,
          index,
        ) => `:::claim{#claim-${index} claimant=volodymyr-zelensky source=kyiv date=2025-06-14 verdict=unsupported}
> marking the fourth prisoner exchange in a week

Assessment ${index}, linking [the previous claim](#claim-${Math.max(0, index - 1)}).
:::
`,
      ).join('\n');
      const root = await generatedCase('ten-thousand-claims', {
        'digests/claims.md': `${frontmatter}\n${claims}`,
      });
      const result = checkWithHeapLimit(root, 1024);
      expect(JSON.parse(result.stdout)).toEqual([]);
      expect(result.status).toBe(0);

      const content = await loadContent(path.join(root, 'content'));
      const digest = content.digests[0];
      expect(digest?.claims).toHaveLength(10_000);
      expect(digest?.claims.at(-1)).toMatchObject({ id: 'claim-9999', verdict: 'unsupported' });
      expect(content.graph.claimsByVerdict['unsupported']).toHaveLength(10_000);
    },
  );
});
