import fc from 'fast-check';
import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
import {
  droppableGfmConstructs,
  remarkWithoutConstructs,
  unmatchableGfmConstructs,
  type DroppableGfmConstruct,
} from '../src/plugins/remark-without-constructs.ts';
import { digestFile, sharedFiles } from './content-helpers.ts';
import { markdownReader } from './markdown-reader.ts';
import { markdownBody, validFrontmatter } from './properties/content-arbitraries.ts';

const droppable = Object.keys(droppableGfmConstructs) as DroppableGfmConstruct[];
const fullReader = markdownReader();
const readers = new Map<string, typeof fullReader>();

function readerWithout(constructs: readonly DroppableGfmConstruct[]) {
  const key = constructs.join(' ');
  let reader = readers.get(key);
  if (reader === undefined) {
    reader = markdownReader([remarkWithoutConstructs, { constructs }]);
    readers.set(key, reader);
  }
  return reader;
}

function constructNames(reader: typeof fullReader): string[] {
  return (reader.data().micromarkExtensions ?? []).flatMap((extension) =>
    ['document', 'flow', 'text'].flatMap((hook) =>
      Object.values(extension[hook as 'text'] ?? {}).flatMap((constructs) =>
        [constructs].flat().map((construct) => construct?.name ?? ''),
      ),
    ),
  );
}

test('it drops the constructs GFM registers under those names, and only those', () => {
  const full = constructNames(fullReader);
  const without = constructNames(readerWithout(droppable));
  // If GFM renames a construct, this fails instead of the reader silently keeping it.
  for (const name of droppable) {
    expect(full).toContain(name);
    expect(without).not.toContain(name);
  }
  expect(new Set(without)).toEqual(
    new Set(full.filter((name) => !(droppable as string[]).includes(name))),
  );
  expect(without).toEqual(expect.arrayContaining(['gfmFootnoteCall', 'strikethrough']));
});

test('a construct is unmatchable only without its text in the body; frontmatter does not count', () => {
  const frontmatter = '---\ntitle: "a | b"\nurl: https://www.example.org/x@y\n---\n';
  expect(unmatchableGfmConstructs(`${frontmatter}Plain text: 12:30 - done.\n`)).toEqual(droppable);
  expect(unmatchableGfmConstructs(`${frontmatter}a | b\n`)).not.toContain('table');
  expect(unmatchableGfmConstructs('a\n:-:\n')).not.toContain('table');
  expect(unmatchableGfmConstructs('a\n--:\n')).not.toContain('table');
  expect(unmatchableGfmConstructs('x@y')).toEqual(['table', 'wwwAutolink', 'protocolAutolink']);
  expect(unmatchableGfmConstructs('See WWW.example.org')).not.toContain('wwwAutolink');
  expect(unmatchableGfmConstructs('HTTPS://x')).not.toContain('protocolAutolink');
  // Without a closed frontmatter block the whole document counts.
  expect(unmatchableGfmConstructs('---\nurl: https://x\n')).not.toContain('protocolAutolink');
});

// Near misses of every construct, and the real thing, so both outcomes are exercised.
const fragment = fc.constantFrom(
  'a | b',
  '|',
  '| - |',
  '|---|',
  ':-:',
  '--:',
  ':--',
  '- -',
  '---',
  'a\n-',
  '12:30',
  ':-',
  'www.example.org',
  'WWW.x.y/z',
  'ww.x',
  'www',
  'https://example.org/a_b',
  'HTTP://x',
  'http:',
  'htt://x',
  'http//x',
  'editor@example.org',
  'a.b-c+d_e',
  'mailto:editor',
  '[x](https://y.z)',
  '[^1]',
  '~~c~~',
  'h',
  'w',
  ' ',
  '\n',
  '\n\n',
  '> ',
  '- ',
);
const frontmatter = fc.constantFrom(
  '',
  validFrontmatter,
  '---\ntitle: "a | b"\nurl: https://www.example.org/x@y\n---\n',
  '---\r\nx: 1\r\n---  \r\n',
  '---\nnot closed\n',
);
const document = fc
  .tuple(frontmatter, markdownBody, fc.array(fragment, { maxLength: 12 }))
  .map(([head, body, extra]) => `${head}${extra.join('')}\n${body}\n${extra.reverse().join(' ')}`);

test('without the constructs that cannot match it, the reader builds the same tree', () => {
  const dropped = new Set<string>();
  fc.assert(
    fc.property(document, (value) => {
      const without = unmatchableGfmConstructs(value);
      for (const name of without) dropped.add(name);
      const reader = readerWithout(without);
      expect(reader.runSync(reader.parse(value))).toEqual(
        fullReader.runSync(fullReader.parse(value)),
      );
    }),
    { numRuns: 1000 },
  );
  expect([...dropped].sort()).toEqual([...droppable].sort());
});

test('a digest with an `@`, a link literal and a table still gets them', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({
      id: 'contact',
      body: 'Corrections to editor@example.org, or see www.example.org and https://example.org/x.\n\n| a | b |\n| - | - |\n| 1 | 2 |',
    }),
  ]);
  expect(content.diagnostics).toEqual([]);
  const html = content.digests[0]?.html;
  expect(html).toContain('<a href="mailto:editor@example.org">editor@example.org</a>');
  expect(html).toContain(
    '<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>',
  );
  expect(html).toContain(
    '<a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>',
  );
  expect(html).toContain('<table>');
});
