import { expect, test } from 'vitest';
import { processContent, type ContentFile } from '../src/index.ts';
import { claimBlock, digestFile, sharedFiles } from './content-helpers.ts';

function corpus(): ContentFile[] {
  return [
    ...sharedFiles(),
    digestFile({
      id: 'a',
      eventDate: '2025-06-12',
      body: claimBlock('one', 'accurate', ' about=ukraine'),
    }),
    digestFile({
      id: 'b',
      eventDate: '2025-06-14',
      body: `See [a](./a.md) and [its claim](./a.md#one).\n\n${claimBlock('two', 'unsupported', '', 'Per [a](./a.md).')}`,
    }),
    digestFile({ id: 'c', eventDate: '2025-06-13', body: 'Ukraine only. [b](./b.md)' }),
    digestFile({ id: 'd', status: 'draft', body: '[a](./a.md) President Zelensky' }),
  ];
}

test('backlinks list incoming cross-references per digest, sorted, drafts left out', () => {
  const { graph, diagnostics } = processContent(corpus());
  expect(diagnostics).toEqual([]);
  expect(Object.keys(graph.backlinks)).toEqual(['a', 'b']);
  expect(
    graph.backlinks.a?.map((link) => [link.fromDigestId, link.href, link.fromClaimId]),
  ).toEqual([
    ['b', '/digests/a/', undefined],
    ['b', '/digests/a/#claim-one', undefined],
    ['b', '/digests/a/', 'two'],
  ]);
  expect(graph.backlinks.b?.map((link) => link.fromDigestId)).toEqual(['c']);
});

test('claim indexes by verdict, claimant and date', () => {
  const { graph } = processContent(corpus());
  expect(graph.claimsByVerdict.accurate).toEqual(['a#one']);
  expect(graph.claimsByVerdict.unsupported).toEqual(['b#two']);
  expect(graph.claimsByVerdict.pending).toEqual([]);
  expect(graph.claimsByClaimant).toEqual({ 'volodymyr-zelensky': ['a#one', 'b#two'] });
  expect(graph.claimsByDate).toEqual({ '2025-06-14': ['a#one', 'b#two'] });
});

test('entity index: claims by, claims about, digests mentioning', () => {
  const { graph } = processContent(corpus());
  expect(graph.entities['volodymyr-zelensky']).toEqual({
    claimsBy: ['a#one', 'b#two'],
    claimsAbout: [],
    digests: ['a', 'b'],
  });
  expect(graph.entities.ukraine).toEqual({
    claimsBy: [],
    claimsAbout: ['a#one'],
    digests: ['a', 'c'],
  });
});

test('related digests and the timeline', () => {
  const { graph } = processContent(corpus());
  expect(graph.related).toEqual({ a: ['b', 'c'], b: ['a', 'c'], c: ['b', 'a'] });
  expect(graph.timeline).toEqual([
    { date: '2025-06-12', digestId: 'a' },
    { date: '2025-06-13', digestId: 'c' },
    { date: '2025-06-14', digestId: 'a', claimId: 'one' },
    { date: '2025-06-14', digestId: 'b' },
    { date: '2025-06-14', digestId: 'b', claimId: 'two' },
  ]);
});

test('drafts are in the graph when asked for', () => {
  const { graph } = processContent(corpus(), { graph: { includeDrafts: true } });
  expect(graph.backlinks.a?.map((link) => link.fromDigestId)).toEqual(['b', 'b', 'b', 'd']);
});

test('the result does not depend on file order', () => {
  const files = corpus();
  const forward = processContent(files);
  const backward = processContent([...files].reverse());
  const shuffled = processContent(
    [files[3], files[0], files[5], files[1], files[4], files[2], ...files.slice(6)].filter(
      (file) => file !== undefined,
    ),
  );
  expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  expect(JSON.stringify(shuffled)).toBe(JSON.stringify(forward));
});
