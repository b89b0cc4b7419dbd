import { expect, test } from 'vitest';
import { processContent } from '../src/index.ts';
import { claimBlock, digestFile, sharedFiles } from './content-helpers.ts';

function render(
  body: string,
  others: { id: string; body: string; status?: 'draft' | 'published' }[] = [],
) {
  const content = processContent([
    ...sharedFiles(),
    digestFile({ id: 'subject', body }),
    ...others.map((other) => digestFile(other)),
  ]);
  const digest = content.digests.find((candidate) => candidate.id === 'subject');
  if (!digest) throw new Error('subject digest missing');
  return { digest, diagnostics: content.diagnostics };
}

test('a claim renders as an article with anchor, text verdict, claimant, date, source, quote and assessment', () => {
  const { digest, diagnostics } = render(
    claimBlock('count', 'needs-context', '', 'Two were confirmed.'),
  );
  expect(diagnostics).toEqual([]);
  const html = digest.html;
  expect(html).toContain('<article id="claim-count" class="claim verdict-needs-context">');
  expect(html).toContain('<p class="claim-verdict">Verdict: <strong>Needs context</strong></p>');
  expect(html).toContain(
    'Claimed by <a href="/entities/volodymyr-zelensky/">Volodymyr Zelensky</a>',
  );
  expect(html).toContain('<time datetime="2025-06-14">2025-06-14</time>');
  expect(html).toContain(
    '<a href="/sources/kyiv-independent-2025-06-14/">Ukraine brings home more POWs</a> (The Kyiv Independent)',
  );
  expect(html).toMatch(
    /<blockquote class="claim-quote">\s*<p>marking the fourth prisoner exchange in a week<\/p>\s*<\/blockquote>/,
  );
  expect(html).toContain('<div class="claim-assessment"><p>Two were confirmed.</p></div>');
  expect(digest.claims[0]?.assessmentHtml).toBe('<p>Two were confirmed.</p>');
});

test('cross-references are rewritten to site URLs; external links get rel', () => {
  const { digest, diagnostics } = render(
    '[d](./other.md) [c](./other.md#third) [e](../entities/ukraine.md) [s](../sources/kyiv-independent-2025-06-14.md) [x](https://example.org/)\n\n[ref]: ./other.md\n\nA [reference link][ref].',
    [{ id: 'other', body: claimBlock('third', 'accurate') }],
  );
  expect(diagnostics).toEqual([]);
  expect(digest.html).toContain('<a href="/digests/other/">d</a>');
  expect(digest.html).toContain('<a href="/digests/other/#claim-third">c</a>');
  expect(digest.html).toContain('<a href="/entities/ukraine/">e</a>');
  expect(digest.html).toContain('<a href="/sources/kyiv-independent-2025-06-14/">s</a>');
  expect(digest.html).toContain('<a href="https://example.org/" rel="noopener noreferrer">x</a>');
  expect(digest.html).toContain('A <a href="/digests/other/">reference link</a>.');
  expect(digest.html).not.toContain('xref:');
  expect(digest.links.map((link) => link.target)).toEqual([
    { kind: 'digest', digestId: 'other' },
    { kind: 'claim', digestId: 'other', claimId: 'third' },
    { kind: 'entity', entityId: 'ukraine' },
    { kind: 'source', sourceId: 'kyiv-independent-2025-06-14' },
    { kind: 'digest', digestId: 'other' },
  ]);
});

test('ids overridden in frontmatter are used for links', () => {
  const other = digestFile({ id: 'file-name', body: 'Body.' });
  other.value = other.value.replace('title:', 'id: chosen-id\ntitle:');
  const content = processContent([
    ...sharedFiles(),
    other,
    digestFile({ id: 'subject', body: '[o](./file-name.md)' }),
  ]);
  expect(content.diagnostics).toEqual([]);
  expect(content.digests.map((digest) => digest.id)).toEqual(['chosen-id', 'subject']);
  expect(content.digests[1]?.html).toContain('<a href="/digests/chosen-id/">o</a>');
});

test('sanitisation removes scripts, event handlers and javascript: URLs however they are spelt', () => {
  const { digest, diagnostics } = render(
    '<script>alert(1)</script>\n\n<p onclick="x()">p</p>\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) [d](<java\tscript:alert(1)>) ![i](data:image/svg+xml,x)',
  );
  expect(digest.html).not.toMatch(/<script|onclick|javascript|data:/i);
  expect(digest.html).toContain('a b c d i');
  // `<p onclick…>p</p>` on its own line is one HTML block, so one report.
  expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
    'html-raw',
    'html-raw',
    'url-unsafe',
    'url-unsafe',
    'url-unsafe',
    'url-unsafe',
    'url-unsafe',
  ]);
});

test('the text of an unknown directive stays visible', () => {
  const { digest } = render('See :abbr[UN]{title="United Nations"} at 12:30.');
  expect(digest.html).toBe('<p>See UN at 12:30.</p>');
});

test('alias mentions are recorded with positions; quote mentions go into about', () => {
  const { digest } = render(
    'President Zelensky met Ukraine’s officials.\n\n:::claim{#c claimant=volodymyr-zelensky source=kyiv date=2025-06-14 verdict=pending}\n> Ukraine got its people back\n:::',
  );
  expect(
    digest.mentions.map((mention) => [
      mention.entityId,
      mention.text,
      mention.position.line,
      mention.position.column,
      mention.claimId,
    ]),
  ).toEqual([
    ['volodymyr-zelensky', 'President Zelensky', 14, 1, undefined],
    ['ukraine', 'Ukraine', 14, 24, undefined],
    ['ukraine', 'Ukraine', 17, 3, 'c'],
  ]);
  expect(digest.claims[0]?.about).toEqual(['ukraine']);
});

test('a claimant name with a line break shows as remark-rehype shows Markdown text: spaces around the break trimmed', () => {
  const files = sharedFiles().map((file) =>
    file.path === 'entities/volodymyr-zelensky.md'
      ? {
          ...file,
          value: file.value.replace('name: Volodymyr Zelensky', 'name: "Volodymyr \\n Zelensky"'),
        }
      : file,
  );
  const content = processContent([
    ...files,
    digestFile({ id: 'subject', body: claimBlock('count', 'accurate') }),
  ]);
  expect(content.diagnostics).toEqual([]);
  expect(content.digests[0]?.html).toContain(
    '<p class="claim-meta">Claimed by <a href="/entities/volodymyr-zelensky/">Volodymyr\nZelensky</a> on <time datetime="2025-06-14">2025-06-14</time> in <a href="/sources/kyiv-independent-2025-06-14/">Ukraine brings home more POWs</a> (The Kyiv Independent)</p>',
  );
  expect(content.digests[0]?.text).toContain('Claimed by Volodymyr Zelensky on 2025-06-14');
});
