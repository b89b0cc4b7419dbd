/**
 * Cross-reference resolution does not depend on the order files arrive in: any permutation of a
 * generated set of linked digests (cycles, self-links, links to missing files and claims,
 * duplicate ids, drafts) gives the same digests, graph and diagnostics.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { processContent, type ContentFile } from '../../src/index.ts';
import { claimBlock, digestFile, sharedFiles } from '../content-helpers.ts';

const digestIds = ['d0', 'd1', 'd2', 'd3', 'd4'];

const link = fc
  .tuple(
    fc.constantFrom(...digestIds, 'missing'),
    fc.constantFrom(undefined, 'a', 'b', 'claim-a', 'nope'),
  )
  .map(([target, fragment]) => `[to ${target}](./${target}.md${fragment ? `#${fragment}` : ''})`);

const digestSpec = fc.record({
  status: fc.constantFrom('published', 'draft'),
  claims: fc.subarray(['a', 'b']),
  links: fc.array(link, { maxLength: 4 }),
  claimLinks: fc.array(link, { maxLength: 2 }),
  /** Another digest's id, to make duplicate ids. */
  idOverride: fc.option(fc.constantFrom(...digestIds), { freq: 5 }),
  entityLink: fc.boolean(),
});

const contentSet = fc
  .array(digestSpec, { minLength: 2, maxLength: digestIds.length })
  .map((specs) =>
    specs.map((spec, index): ContentFile => {
      const id = digestIds[index] ?? 'extra';
      const claims = spec.claims.map((claimId) =>
        claimBlock(claimId, 'unsupported', '', spec.claimLinks.join(' ')),
      );
      const body = [
        spec.links.join(' '),
        spec.entityLink ? '[Ukraine](../entities/ukraine.md)' : 'Zelensky said so.',
        ...claims,
      ].join('\n\n');
      const file = digestFile({ id, status: spec.status as 'published' | 'draft', body });
      return spec.idOverride === null
        ? file
        : { ...file, value: file.value.replace('title:', `id: ${spec.idOverride}\ntitle:`) };
    }),
  );

test('any order of the files gives the same content, graph and diagnostics', () => {
  fc.assert(
    fc.property(
      contentSet.chain((files) =>
        fc.tuple(
          fc.constant(files),
          fc.shuffledSubarray([...files, ...sharedFiles()], { minLength: files.length + 3 }),
        ),
      ),
      ([files, shuffled]) => {
        const inOrder = processContent([...sharedFiles(), ...files], {
          graph: { includeDrafts: true },
        });
        const permuted = processContent(shuffled, { graph: { includeDrafts: true } });
        expect(permuted).toEqual(inOrder);
      },
    ),
    { numRuns: 150 },
  );
});
