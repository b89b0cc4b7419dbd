import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { formatDiagnostics, loadContent } from '../src/index.ts';

const basic = fileURLToPath(new URL('fixtures/content-basic', import.meta.url));

test('loadContent reads digests, entities and sources and links them', async () => {
  const content = await loadContent(basic);
  expect(formatDiagnostics(content.diagnostics, 'pretty')).toBe('');
  expect(content.digests.map((digest) => digest.id)).toEqual([
    '2025-06-12-prisoner-exchange',
    '2025-06-14-fourth-exchange',
  ]);
  expect(content.entities.map((entity) => entity.id)).toEqual(['ukraine', 'volodymyr-zelensky']);
  expect(content.sources.map((source) => source.id)).toEqual(['kyiv-independent-2025-06-14']);
  const fourth = content.digests[1];
  expect(fourth?.sources[0]?.archivedSourceId).toBe('kyiv-independent-2025-06-14');
  expect(fourth?.links.map((link) => link.href)).toEqual([
    '/digests/2025-06-12-prisoner-exchange/',
    '/digests/2025-06-12-prisoner-exchange/#claim-release-count',
    '/entities/volodymyr-zelensky/',
  ]);
  expect(fourth?.claims[0]?.assessmentHtml).toBe(
    '<p>See <a href="/digests/2025-06-12-prisoner-exchange/#claim-release-count">one of its claims</a> and <a href="/entities/volodymyr-zelensky/">Zelensky</a>.</p>',
  );
});

test('the result is plain JSON data', async () => {
  const content = await loadContent(basic);
  expect(JSON.parse(JSON.stringify(content))).toEqual(content);
});

test('diagnostics name files relative to the content directory’s parent', async () => {
  const content = await loadContent(
    fileURLToPath(new URL('fixtures/content-broken-link', import.meta.url)),
  );
  expect(content.diagnostics.map((diagnostic) => diagnostic.file)).toEqual([
    'content-broken-link/digests/a.md',
  ]);
});

test('a directory without digests/, entities/ or sources/ is an error, not an empty archive', async () => {
  // The fixtures folder itself: it exists, but it holds content directories, not content.
  const notContent = fileURLToPath(new URL('fixtures', import.meta.url));
  await expect(loadContent(notContent)).rejects.toThrow(
    `${notContent} is not a content directory: it has no digests/, entities/, sources/ folder.`,
  );
  await expect(loadContent(`${basic}-missing`)).rejects.toThrow(
    `${basic}-missing is not a content directory`,
  );
});
