// Parser behaviour on hostile or broken input that the rule fixtures do not cover: each of these
// used to crash, hang or report the wrong thing.
import { describe, expect, test } from 'vitest';
import { parseContentFile, processContent } from '../src/index.ts';
import { digestFile, sharedFiles } from './content-helpers.ts';

const located = (diagnostics: readonly { line: number; column: number; ruleId: string }[]) =>
  diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);

function parseDigest(body: string, frontmatterExtra = '') {
  const file = digestFile({ id: 'input', status: 'draft', body });
  const value = file.value.replace('status: draft\n', `status: draft\n${frontmatterExtra}`);
  return parseContentFile({ path: file.path, value });
}

describe('deep nesting', () => {
  // Each used to overflow the call stack (GFM's autolink transform, remark-rehype) and throw.
  test.each([
    ['10,000 nested blockquotes', '>'.repeat(10_000) + ' deep', '14:101'],
    ['2,000 nested list items on one line', '- '.repeat(2_000) + 'deep', '14:101'],
    ['2,000 nested ordered lists', '1. '.repeat(2_000) + 'deep', '14:151'],
    ['2,000 nested quotes of lists', '> - '.repeat(2_000) + 'deep', '14:135'],
    ['2,000 levels of emphasis', `${'*'.repeat(2_000)}deep${'*'.repeat(2_000)}`, '14:199'],
  ])('%s are reported at the first level too deep, not thrown', (_, body, at) => {
    const parsed = parseDigest(body);
    expect(located(parsed.diagnostics)).toEqual([`${at} nesting-too-deep`]);
    expect(parsed.diagnostics[0]?.message).toContain('nested more than 100 levels deep');
    expect(parsed.kind === 'digest' && parsed.digest?.html.startsWith('<')).toBe(true);
  });

  test('100 levels are kept whole', () => {
    // 98 blockquotes, the paragraph, and its text at depth 100.
    const parsed = parseDigest('>'.repeat(98) + ' kept');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.kind === 'digest' && parsed.digest?.text).toBe('kept');
  });

  test('deeply nested YAML is a yaml-syntax error, not a crash', () => {
    const parsed = parseDigest('Body.', `notes: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
    expect(parsed.diagnostics.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
  });
});

test('YAML aliases that expand without bound are reported at the first alias', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
    const previous = levels.length === 1 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g'][index - 1];
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  const parsed = parseDigest('Body.', `${levels.join('\n')}\n`);
  expect(located(parsed.diagnostics)).toEqual(['8:8 yaml-syntax']);
  expect(parsed.diagnostics[0]?.message).toContain(
    'aliases (`*name`) that expand to too much data',
  );
});

test('frontmatter that is opened but never closed says so', () => {
  const parsed = parseContentFile({ path: 'digests/x.md', value: '---\ntitle: Open\n\nBody.\n' });
  expect(located(parsed.diagnostics)).toEqual(['1:1 frontmatter-missing']);
  expect(parsed.diagnostics[0]?.message).toContain('never closed');
});

test('a code span that spells a link placeholder is left as written', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({ id: 'b', body: 'B.' }),
    digestFile({ id: 'input', body: '`<a href="xref:0">` and ` href="xref:0"` then [b](./b.md)' }),
  ]);
  expect(content.diagnostics).toEqual([]);
  expect(content.digests.find((digest) => digest.id === 'input')?.html).toBe(
    '<p><code>&#x3C;a href="xref:0"></code> and <code> href="xref:0"</code> then <a href="/digests/b/">b</a></p>',
  );
});

describe('a source `archived` path that is not a relative path', () => {
  test.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['"java\\tscript:alert(1)"'],
    ['https://example.org/copy.md'],
    ['/sources/copy.md'],
    ['"  ../sources/copy.md"'],
  ])('%s is a field-type error at the value', (archived) => {
    const file = digestFile({ id: 'input', body: 'Body.' });
    const value = file.value.replace(
      'archived: ../sources/kyiv-independent-2025-06-14.md',
      `archived: ${archived}`,
    );
    const parsed = parseContentFile({ path: file.path, value });
    expect(located(parsed.diagnostics)).toEqual(['12:15 field-type']);
    expect(parsed.diagnostics[0]?.message).toContain('must be a relative path');
  });
});
