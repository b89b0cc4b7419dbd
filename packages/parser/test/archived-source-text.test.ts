import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { archivedSourceText, parseContentFile } from '../src/index.ts';
import { lineBreak, linesOf } from './properties/content-arbitraries.ts';

// `archivedSourceText` stands in for a whole parse where a page needs a source's text again: it
// must give exactly the `source.text` of that parse, whatever the file looks like.
const sourcePath = 'sources/kyiv-independent-2025-06-14-pow-exchange.md';
const committed = await readFile(
  path.resolve(import.meta.dirname, '../../../content', sourcePath),
  'utf8',
);
const [, committedFrontmatter = ''] = /^---\n([\s\S]*?)\n---\n/.exec(committed) ?? [];

function parsedText(value: string): string | undefined {
  const parsed = parseContentFile({ path: sourcePath, bytes: Buffer.from(value) });
  return parsed.kind === 'source' ? parsed.source?.text : undefined;
}

function expectSameText(value: string): void {
  const bytes = Buffer.from(value);
  const expected = parsedText(value);
  if (expected === undefined) return;
  expect(archivedSourceText({ path: sourcePath, bytes })).toBe(expected);
  expect(archivedSourceText({ path: sourcePath, value })).toBe(expected);
}

test('the committed source: the text a parse gives', () => {
  const text = parsedText(committed);
  expect(text).toBeDefined();
  expect(text?.length).toBeGreaterThan(1000);
  expect(archivedSourceText({ path: sourcePath, bytes: Buffer.from(committed) })).toBe(text);
});

test('files outside the usual shape give the text a parse gives', () => {
  const body = 'First line.\n\n---\nNot a fence any more.\n';
  for (const value of [
    committed.replaceAll('\n', '\r\n'),
    committed.replaceAll('\n', '\r'),
    `---\n${committedFrontmatter}\n---  \n${body}`,
    `---\n${committedFrontmatter}\n---\t\n${body}`,
    `\uFEFF---\n${committedFrontmatter}\n---\n${body}`,
    `---\n${committedFrontmatter}\n---`,
    `---\n${committedFrontmatter}\n---\n`,
    `---\n${committedFrontmatter}\n`,
    `---\n${committedFrontmatter}\nnote: "a\0b"\n---\n${body}`,
    body,
  ]) {
    expectSameText(value);
  }
  // Some of them are sources, so the comparison above is not vacuous.
  expect(parsedText(`---\n${committedFrontmatter}\n---\t\n${body}`)).toBeDefined();
});

const lines = linesOf(
  fc.oneof(
    fc.constantFrom('---', '--- ', '---\t', '----', ' ---', '', 'text', '\0', '…'),
    fc.string({ maxLength: 6 }),
  ),
  6,
);

test('any closing line and body give the text a parse gives', () => {
  let sources = 0;
  fc.assert(
    fc.property(
      fc.constantFrom('', '\uFEFF'),
      lineBreak,
      fc.constantFrom('---', '--- ', '---\t', '-- '),
      lineBreak,
      lines,
      (bom, end, closing, closingEnd, rest) => {
        const frontmatter = committedFrontmatter.replaceAll('\n', end);
        const value = `${bom}---${end}${frontmatter}${end}${closing}${closingEnd}${rest}`;
        if (parsedText(value) !== undefined) sources++;
        expectSameText(value);
      },
    ),
    { numRuns: 500 },
  );
  expect(sources).toBeGreaterThan(100);
});
