import { expect, test } from 'vitest';
import {
  contentHash,
  createEntityRegistry,
  linkContent,
  parseContentFile,
  processContent,
  type ContentFile,
  type Entity,
} from '../src/index.ts';
import { claimBlock, digestFile, sharedFiles } from './content-helpers.ts';

function files(): ContentFile[] {
  return [
    ...sharedFiles(),
    digestFile({ id: 'a', body: claimBlock('one', 'accurate') }),
    digestFile({ id: 'b', body: 'See [a](./a.md#one), said President Zelensky.' }),
  ];
}

test('phase 1 results survive JSON (a loader cache) and phase 2 gives what processContent gives', () => {
  const input = files();
  const entityResults = input
    .filter((file) => file.path.startsWith('entities/'))
    .map((file) => parseContentFile(file));
  const registry = createEntityRegistry(
    entityResults.flatMap((result) =>
      result.kind === 'entity' && result.entity ? [result.entity] : [],
    ),
  );
  const others = input
    .filter((file) => !file.path.startsWith('entities/'))
    .map((file) => parseContentFile(file, { entities: registry }));
  const cached = JSON.parse(JSON.stringify([...entityResults, ...others])) as typeof others;
  expect(linkContent(cached)).toEqual(processContent(input));
  const b = others.find((result) => result.path === 'digests/b.md');
  expect(b?.kind === 'digest' && b.digest?.html).toContain('href="xref:0"');
});

test('the alias matcher prefers the longest name and respects word boundaries', () => {
  const entities: Pick<Entity, 'id' | 'name' | 'aliases'>[] = [
    {
      id: 'zelensky',
      name: 'Volodymyr Zelensky',
      aliases: ['Zelensky', 'President Zelensky', 'Зеленський'],
    },
    { id: 'kyiv', name: 'Kyiv', aliases: [] },
  ];
  const registry = createEntityRegistry(entities);
  expect(registry.findMentions('President Zelensky in Kyiv; Kyivstar; Зеленський.')).toEqual([
    { entityId: 'zelensky', text: 'President Zelensky', offset: 0 },
    { entityId: 'kyiv', text: 'Kyiv', offset: 22 },
    { entityId: 'zelensky', text: 'Зеленський', offset: 38 },
  ]);
});

test('quotes must match the archive verbatim except for whitespace: curly quotes are not straight ones', () => {
  const text = 'He said: "we brought home\n   our people" on Saturday.\n';
  const source = {
    path: 'sources/statement.md',
    value: `---\ntitle: Statement\npublisher: Office\npublished: 2025-06-14\nreceived: 2025-06-14\ncontentHash: ${contentHash(text)}\n---\n${text}`,
  };
  const digest = (quote: string) => {
    const file = digestFile({
      id: 'q',
      body: `:::claim{#c claimant=volodymyr-zelensky source=kyiv date=2025-06-14 verdict=accurate}\n> ${quote}\n:::`,
    });
    file.value = file.value.replace('kyiv-independent-2025-06-14.md', 'statement.md');
    return file;
  };
  const straight = processContent([
    ...sharedFiles(),
    source,
    digest('"we brought home our people"'),
  ]);
  expect(straight.diagnostics).toEqual([]);
  const curly = processContent([...sharedFiles(), source, digest('“we brought home our people”')]);
  expect(
    curly.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column]),
  ).toEqual([['claim-quote-not-verbatim', 15, 1]]);
});
