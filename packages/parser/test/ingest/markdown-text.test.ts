// Quotes are escaped for Markdown; the real parser must read back exactly the article's words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processContent } from '../../src/index.ts';
import { escapeMarkdownText } from '../../src/ingest/markdown-text.ts';

function quoteAsParsed(text: string): { quote: string | undefined; errors: string[] } {
  const body = `${text}\n`;
  const files = [
    {
      path: 'entities/someone.md',
      value: '---\nname: Someone\nkind: person\ndescription: A person.\n---\n',
    },
    {
      path: 'sources/s.md',
      value: `---\ntitle: T\npublisher: P\npublished: 2025-01-01\nreceived: 2025-01-02\ncontentHash: sha256-${'0'.repeat(64)}\n---\n${body}`,
    },
    {
      path: 'digests/d.md',
      value: [
        '---',
        'title: T',
        'eventDate: 2025-01-01',
        'published: 2025-01-02',
        'conclusion: C.',
        'status: draft',
        'sources:',
        '  - { id: s, title: T, publisher: P, published: 2025-01-01, archived: ../sources/s.md }',
        '---',
        '',
        ':::claim{#c claimant=someone source=s date=2025-01-01 verdict=pending}',
        `> ${escapeMarkdownText(text)}`,
        '',
        'Assessment.',
        ':::',
        '',
      ].join('\n'),
    },
  ];
  const content = processContent(files);
  return {
    quote: content.digests[0]?.claims[0]?.quote,
    errors: content.diagnostics
      .filter(
        (diagnostic) => diagnostic.severity === 'error' && diagnostic.file.startsWith('digests/'),
      )
      .map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`),
  };
}

describe('escapeMarkdownText', () => {
  it.each([
    'Prices rose *sharply* (by 5%) in the [north] region.',
    'The file_name_here and `code` stay as written.',
    '1. Not a list, said the <b>minister</b> & co &amp; friends.',
    '- Not a list item either: it starts with a dash.',
    '# Not a heading, and 10:30 with Reuters:Kyiv and ::: fences.',
    'A backslash \\ and a pipe | and ~~strike~~ remain.',
  ])('reads back %j word for word', (text) => {
    expect(quoteAsParsed(text)).toEqual({ quote: text, errors: [] });
  });

  it('reads back any single line of printable ASCII word for word', () => {
    const line = fc
      .string({
        unit: fc.constantFrom(...'abcXYZ019 .,:;!?*_[]()<>&#-+=`~|\\/"\'{}'.split('')),
        minLength: 1,
      })
      .map((text) => text.trim())
      .filter((text) => /[a-zA-Z0-9]/.test(text));
    fc.assert(
      fc.property(line, (text) => {
        expect(quoteAsParsed(text).quote).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
