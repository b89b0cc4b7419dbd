import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  buildContentGraph,
  entitiesOfDigest,
  processContent,
  type ContentFile,
  type GraphDigest,
  type GraphLink,
} from '../src/index.ts';
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

test("a digest's entities: claimants, what claims are about, then mentions, each once", () => {
  const { digests } = processContent(corpus());
  const entitiesOf = (id: string) => [
    ...entitiesOfDigest(digests.find((digest) => digest.id === id) ?? { claims: [], mentions: [] }),
  ];
  expect(entitiesOf('a')).toEqual(['volodymyr-zelensky', 'ukraine']);
  expect(entitiesOf('c')).toEqual(['ukraine']);
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

/** Related digests scored the plain way: a map of pair scores, every candidate sorted. */
function relatedByPairs(
  digests: readonly GraphDigest<GraphLink>[],
  entityIds: readonly string[],
  limit: number,
  fanout: number,
): Record<string, string[]> {
  const ids = [...new Set(digests.map((digest) => digest.id))].sort();
  const pairScores = new Map<string, number>();
  const add = (a: string, b: string, score: number) => {
    if (a === b) return;
    for (const key of [`${a} ${b}`, `${b} ${a}`])
      pairScores.set(key, (pairScores.get(key) ?? 0) + score);
  };
  for (const digest of digests) {
    for (const link of digest.links) {
      if (link.target.kind === 'digest' && ids.includes(link.target.digestId))
        add(digest.id, link.target.digestId, 2);
    }
  }
  for (const entityId of entityIds) {
    const sharing = ids.filter((id) =>
      digests.some(
        (digest) => digest.id === id && digest.mentions.some((m) => m.entityId === entityId),
      ),
    );
    if (sharing.length > fanout) continue;
    for (const a of sharing) for (const b of sharing) if (a < b) add(a, b, 1);
  }
  return Object.fromEntries(
    ids.map((id) => [
      id,
      ids
        .filter((other) => pairScores.has(`${id} ${other}`))
        .sort(
          (a, b) =>
            (pairScores.get(`${id} ${b}`) ?? 0) - (pairScores.get(`${id} ${a}`) ?? 0) ||
            (a < b ? -1 : a > b ? 1 : 0),
        )
        .slice(0, limit),
    ]),
  );
}

test('related digests are the best-scoring by shared entities and links, whatever the limits', () => {
  const digestIds = ['a', 'b', 'c', 'd', 'e', 'f'];
  const entityIds = ['x', 'y', 'z', 'w'];
  const digest = fc.record({
    id: fc.constantFrom(...digestIds),
    mentions: fc.array(fc.constantFrom(...entityIds).map((entityId) => ({ entityId }))),
    links: fc.array(
      fc.constantFrom(...digestIds).map((digestId) => ({
        fromDigestId: '',
        target: { kind: 'digest' as const, digestId },
      })),
      { maxLength: 4 },
    ),
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(digest, { selector: (d) => d.id, maxLength: 6 }),
      fc.constantFrom(10, 3, 1, 0, -2, 2.5),
      fc.constantFrom(50, 2, 0),
      (parts, limit, fanout) => {
        const digests: GraphDigest<GraphLink>[] = parts.map((part) => ({
          ...part,
          status: 'published',
          eventDate: '2025-06-14',
          claims: [],
          links: part.links.map((link) => ({ ...link, fromDigestId: part.id })),
        }));
        const graph = buildContentGraph(
          digests,
          entityIds.map((id) => ({ id })),
          { relatedLimit: limit, relatedFanoutLimit: fanout },
        );
        expect(graph.related).toEqual(relatedByPairs(digests, entityIds, limit, fanout));
      },
    ),
    { numRuns: 500 },
  );
});
