import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
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
