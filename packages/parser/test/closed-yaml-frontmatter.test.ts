import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { closedYamlFrontmatter } from '../src/frontmatter/closed-yaml-frontmatter.ts';
import { lineBreak, linesOf } from './properties/content-arbitraries.ts';

// The reader the shortcut stands in for: the frontmatter node micromark gives.
const reader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

function micromarkNode(value: string) {
  const first = (reader.parse(value) as Root).children[0];
  return first?.type === 'yaml' ? first : undefined;
}

test('an ordinary block gives the node remark-frontmatter gives, positions included', () => {
  const value = '---\nid: a\ntitle: "x"\n---\nThe archived text.\n';
  const node = closedYamlFrontmatter(value);
  expect(node).toEqual({
    type: 'yaml',
    value: 'id: a\ntitle: "x"',
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 4, column: 4, offset: 24 },
    },
  });
  expect(node).toEqual(micromarkNode(value));
});

test('CRLF and CR line endings, fence whitespace and empty blocks read as micromark reads them', () => {
  for (const value of [
    '---\r\nid: a\r\n\r\nb: c\r\n---  \r\ntext',
    '---\rid: a\r---\rtext',
    '--- \t\n---\n',
    '---\n\n---\n',
    '---\n----\n--- x\n ---\n---\n',
  ]) {
    const node = closedYamlFrontmatter(value);
    expect(node).toBeDefined();
    expect(node).toEqual(micromarkNode(value));
  }
});

test('it gives nothing where it is not a closed block or micromark would read it differently', () => {
  for (const value of [
    'id: a\n---\n',
    ' ---\nid: a\n---\n',
    '\uFEFF---\nid: a\n---\n',
    '---\nid: a\n',
    '---\nid: a\n---',
    '---\nid: \0a\n---\n',
    '---\nid: a\n---\t\n',
  ]) {
    expect(closedYamlFrontmatter(value)).toBeUndefined();
  }
});

const document = linesOf(
  fc.oneof(
    fc.constantFrom('---', '--- ', '---\t', '----', ' ---', 'id: a', '', '\t- x', 'a\0b', '…'),
    fc.string({ maxLength: 8 }),
  ),
  8,
);

test('whenever it gives a node, that node is the one micromark gives', () => {
  fc.assert(
    fc.property(
      fc.tuple(fc.constantFrom('---', '--- ', '---\t', '--'), lineBreak, document),
      ([fence, end, rest]) => {
        const value = fence + end + rest;
        const node = closedYamlFrontmatter(value);
        if (node !== undefined) expect(node).toEqual(micromarkNode(value));
      },
    ),
    { numRuns: 2000 },
  );
});
