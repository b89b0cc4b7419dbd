import fc from 'fast-check';
import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
import {
  emailAutolinkConstruct,
  remarkNoEmailAutolinks,
} from '../src/plugins/remark-no-email-autolinks.ts';
import { digestFile, sharedFiles } from './content-helpers.ts';
import { markdownReader } from './markdown-reader.ts';
import { markdownBody } from './properties/content-arbitraries.ts';

const fullReader = markdownReader();
const readerWithoutEmail = markdownReader(remarkNoEmailAutolinks);

function textConstructNames(reader: typeof fullReader): string[] {
  return (reader.data().micromarkExtensions ?? []).flatMap((extension) =>
    Object.values(extension.text ?? {}).flatMap((constructs) =>
      [constructs].flat().map((construct) => construct?.name ?? ''),
    ),
  );
}

test('the construct it removes is the one GFM registers, and only that one', () => {
  const full = textConstructNames(fullReader);
  const without = textConstructNames(readerWithoutEmail);
  // If GFM renames the construct, this fails instead of the reader silently keeping it.
  expect(full).toContain(emailAutolinkConstruct);
  expect(without).not.toContain(emailAutolinkConstruct);
  expect(new Set(without)).toEqual(new Set(full.filter((name) => name !== emailAutolinkConstruct)));
  expect(without).toEqual(expect.arrayContaining(['wwwAutolink', 'protocolAutolink']));
});

const autolinkish = fc.constantFrom(
  'www.example.org',
  'WWW.x.y/z',
  'https://example.org/a_b',
  'http://x',
  'a.b-c+d_e',
  '[x](https://y.z)',
  '[x]',
  '](',
  '_a_',
  '*b*',
  '~~c~~',
  'mailto:editor',
  'h',
  'w',
  ' ',
  '\n',
);
const documentWithoutAt = fc
  .tuple(markdownBody, fc.array(autolinkish, { maxLength: 20 }))
  .map(([body, extra]) => `${body} ${extra.join('')}\n${extra.reverse().join(' ')}`)
  .filter((value) => !value.includes('@'));

test('without an `@` in the document, both readers build the same tree', () => {
  fc.assert(
    fc.property(documentWithoutAt, (value) => {
      expect(readerWithoutEmail.runSync(readerWithoutEmail.parse(value))).toEqual(
        fullReader.runSync(fullReader.parse(value)),
      );
    }),
    { numRuns: 500 },
  );
});

test('a digest with an `@` still gets its email autolinks', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({
      id: 'contact',
      body: 'Corrections to editor@example.org, or see www.example.org.',
    }),
  ]);
  expect(content.diagnostics).toEqual([]);
  expect(content.digests[0]?.html).toContain(
    '<a href="mailto:editor@example.org">editor@example.org</a>',
  );
  expect(content.digests[0]?.html).toContain(
    '<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>',
  );
});
