import fc from 'fast-check';
import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
import { quotedIn } from '../src/pipeline/link-content.ts';
import { claimBlock, digestFile, sharedFiles } from './content-helpers.ts';

test('a link to a claim that has its own problem is not also reported as a missing claim', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({ id: 'target', body: claimBlock('fourth', 'true') }),
    digestFile({ id: 'linking', body: 'See [the claim](./target.md#fourth).' }),
  ]);
  expect(content.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.ruleId])).toEqual([
    ['digests/target.md', 'claim-verdict-unknown'],
  ]);
});

test('a link to a claim id nobody declared is still reported', () => {
  const content = processContent([
    ...sharedFiles(),
    digestFile({ id: 'target', body: claimBlock('fourth', 'true') }),
    digestFile({ id: 'linking', body: 'See [the claim](./target.md#fifth).' }),
  ]);
  expect(content.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.ruleId])).toEqual([
    ['digests/linking.md', 'link-missing-claim'],
    ['digests/target.md', 'claim-verdict-unknown'],
  ]);
});

test('a quote is found in an archived text exactly when it is found with whitespace runs as one space', () => {
  const piece = fc.constantFrom('a', 'b', 'ab', ' ', '  ', '\n', '\t', '\u00a0', '\r\n', '"', '“');
  const textOf = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
  const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();
  fc.assert(
    fc.property(textOf, textOf, (text, quote) => {
      expect(quotedIn({ text }, quote)).toBe(normalise(text).includes(normalise(quote)));
    }),
    { numRuns: 3000 },
  );
});
