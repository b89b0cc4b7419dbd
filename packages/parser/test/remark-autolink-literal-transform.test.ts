import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
import { remarkAutolinkLiteralTransform } from '../src/plugins/remark-autolink-literal-transform.ts';
import { digestFile, sharedFiles } from './content-helpers.ts';
import { markdownReader } from './markdown-reader.ts';
import { markdownBody } from './properties/content-arbitraries.ts';

const gfmReader = markdownReader();
const readerWithPlugin = markdownReader(remarkAutolinkLiteralTransform);

test('it needs remark-gfm before it, and says so', () => {
  expect(() => unified().use(remarkParse).use(remarkAutolinkLiteralTransform).freeze()).toThrow(
    'no `transformGfmAutolinkLiterals` transform found; use it after remark-gfm',
  );
});

const autolinkish = fc.constantFrom(
  'https://example.org/a_b.',
  'HTTP://X.Y',
  'www.example.org',
  'wWw.a.b',
  'editor@example.org',
  'mailto:a@b.co',
  'xmpp:a@b.co/r',
  '&#64;',
  '&#119;ww.example.org',
  'www\\.example.org',
  'http&#58;//a.b',
  '[x](https://y.z)',
  '[r]: www.n.o',
  '`www.c.d`',
  'www',
  'http',
  ' ',
  '\n',
);
const markdownWithAutolinks = fc
  .tuple(markdownBody, fc.array(autolinkish, { maxLength: 12 }))
  .map(([body, extra]) => `${body} ${extra.join('')}\n\n${extra.reverse().join(' ')}`);

test('the tree is the one remark-gfm alone builds', () => {
  fc.assert(
    fc.property(markdownWithAutolinks, (value) => {
      expect(readerWithPlugin.runSync(readerWithPlugin.parse(value))).toEqual(
        gfmReader.runSync(gfmReader.parse(value)),
      );
    }),
    { numRuns: 500 },
  );
});

test('autolink literals in a digest, also written with character references, become links', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({
      id: 'links',
      body: 'Read https://example.org/report, &#119;ww.example.net or www\\.example.com.',
    }),
  ]);
  expect(content.diagnostics).toEqual([]);
  const html = content.digests[0]?.html;
  expect(html).toContain(
    '<a href="https://example.org/report" rel="noopener noreferrer">https://example.org/report</a>,',
  );
  expect(html).toContain(
    '<a href="http://www.example.net" rel="noopener noreferrer">www.example.net</a>',
  );
  expect(html).toContain(
    '<a href="http://www.example.com" rel="noopener noreferrer">www.example.com</a>.',
  );
});
