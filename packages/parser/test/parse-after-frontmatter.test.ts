import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { parseAfterFrontmatter } from '../src/pipeline/parse-after-frontmatter.ts';
import { remarkAutolinkLiteralTransform } from '../src/plugins/remark-autolink-literal-transform.ts';
import { remarkNestingLimit } from '../src/plugins/remark-nesting-limit.ts';
import { markdownBody, validFrontmatter } from './properties/content-arbitraries.ts';

// The parser's readers: the whole file's, and the one for what follows the frontmatter.
function reader(frontmatter: boolean) {
  return unified()
    .use(remarkParse)
    .use(remarkNestingLimit)
    .use(frontmatter ? [[remarkFrontmatter, ['yaml']]] : [])
    .use(remarkGfm)
    .use(remarkAutolinkLiteralTransform)
    .use(remarkDirective)
    .freeze();
}
const fullReader = reader(true);
const bodyReader = reader(false);
const readBody = (markdown: string) => bodyReader.parse(markdown);

test('the tree is the whole-file tree, positions included', () => {
  const value = '---\r\ntitle: x\r\n---  \r\n# Heading\r\n\r\nText [a](./a.md) here.\n';
  const tree = parseAfterFrontmatter(value, readBody);
  expect(tree).toBeDefined();
  expect(tree).toEqual(fullReader.parse(value) as Root);
  expect(tree?.children[1]?.position?.start).toEqual({ line: 4, column: 1, offset: 22 });
});

test('it gives nothing without a closed block, or with a byte-order mark after it', () => {
  expect(parseAfterFrontmatter('# No frontmatter\n', readBody)).toBeUndefined();
  expect(parseAfterFrontmatter('---\ntitle: x\n', readBody)).toBeUndefined();
  expect(parseAfterFrontmatter('---\ntitle: x\n---\n\uFEFFText\n', readBody)).toBeUndefined();
});

const frontmatter = fc.constantFrom(
  validFrontmatter,
  '---\n---\n',
  '---\r\nx: 1\r\n---  \r\n',
  '---\rx: 1\r---\r',
  '---\nx: 1\n---\t\n',
  '---\nnot closed\n',
  '',
);
// What could read differently right after the block: underlines, breaks, fences, containers.
const opening = fc.constantFrom(
  '',
  '\n',
  '\r\n',
  '---\n',
  '===\n',
  '***\n',
  '- a\n',
  '> q\n',
  '    code\n',
  '\tcode\n',
  '```\n',
  ':::claim{#a}\n',
  '[ref]: ./x.md\n',
  '[^1]: note\n',
  '<div>\n',
  '| a |\n| - |\n',
  `${'>'.repeat(105)} deep\n`,
  '\uFEFF',
);

test('whenever it gives a tree, that tree is the whole-file tree', () => {
  let shortcuts = 0;
  fc.assert(
    fc.property(
      fc.tuple(frontmatter, opening, markdownBody, fc.constantFrom('', '\n', '[ref]\n')),
      ([head, start, body, end]) => {
        const value = `${head}${start}${body}${end}`;
        const tree = parseAfterFrontmatter(value, readBody);
        if (tree === undefined) return;
        shortcuts += 1;
        expect(tree).toEqual(fullReader.parse(value) as Root);
      },
    ),
    { numRuns: 1500 },
  );
  expect(shortcuts).toBeGreaterThan(500);
});
