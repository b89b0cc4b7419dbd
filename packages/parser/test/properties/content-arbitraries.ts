/**
 * fast-check arbitraries for content files: Markdown-ish text built from the pieces digests are
 * made of (frontmatter, claim directives, links, HTML), plus hostile URLs that try to smuggle an
 * unsafe scheme past the parser. Shared by the property tests in this folder.
 */
import fc from 'fast-check';
import { digestFrontmatter } from '../content-helpers.ts';

export const validFrontmatter = digestFrontmatter({ title: 'Property digest' });

/** A line ending of any kind editors' files have: LF, CRLF or a lone CR. */
export const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** Up to `maxLines` lines of `line`, each ended by any line ending. */
export function linesOf(line: fc.Arbitrary<string>, maxLines: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(line, lineBreak), { maxLength: maxLines })
    .map((lines) => lines.map(([text, end]) => text + end).join(''));
}

const word = fc.constantFrom(
  'exchange',
  'Zelensky',
  'Україна',
  'مرحبا',
  'שלום',
  '🇺🇦',
  '12:30',
  'note:this',
  '&amp;',
  '&#106;',
  ']]>',
  '"',
  "'",
  '<',
  '>',
  '\\',
  '`',
  '*',
  '_',
  '~',
  '|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '#',
  '!',
);

/** A scheme that a browser would read as javascript:, data: or vbscript:, written deviously. */
export const unsafeUrl = fc
  .tuple(
    fc.constantFrom('javascript', 'data', 'vbscript'),
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.constantFrom('', ' ', '\t', '\u0001', '\u0000', '&#9;', '&#x09;', '&Tab;', '&NewLine;'),
    fc.constantFrom(':', '&#58;', '&#x3a;', '&colon;', '&#0000058;'),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom('alert(1)', 'text/html,<script>alert(1)</script>', 'msgbox(1)'),
  )
  .map(([scheme, upper, insert, colon, encodeAt, rest]) => {
    const letters = [...scheme].map((letter, index) => {
      const cased = upper[index] ? letter.toUpperCase() : letter;
      return index === encodeAt % scheme.length ? `&#${cased.charCodeAt(0)};` : cased;
    });
    const at = 1 + (encodeAt % (letters.length - 1));
    return `${insert}${letters.slice(0, at).join('')}${insert}${letters.slice(at).join('')}${colon}${rest}`;
  });

const url = fc.oneof(
  unsafeUrl,
  fc.constantFrom(
    'https://example.org/a?b=1&c=2',
    'mailto:editor@example.org',
    './other.md',
    './other.md#claim',
    '../entities/ukraine.md',
    '../sources/kyiv-independent-2025-06-14.md',
    '#claim-a',
    'xref:0',
    'ftp://example.org/',
    '//evil.example/',
    '/digests/x/',
  ),
);

const inline = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.tuple(word, url).map(([text, href]) => `[${text}](${href})`) },
  { weight: 2, arbitrary: fc.tuple(word, url).map(([text, href]) => `[${text}](<${href}>)`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([text, href]) => `![${text}](${href} "t")`) },
  { weight: 1, arbitrary: url.map((href) => `<${href}>`) },
  { weight: 1, arbitrary: fc.constantFrom('[r]', '[r][]', '![r]', '[x][r]') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'img', 'script', 'iframe', 'svg', 'span', 'br', 'object'),
        fc.constantFrom('href', 'src', 'onerror', 'onclick', 'style', 'srcset'),
        url,
      )
      .map(([tag, attribute, value]) => `<${tag} ${attribute}="${value}">x</${tag}>`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ':abbr[UN]{title="x"}',
      ':x',
      '**',
      '~~',
      '`code`',
      '<!-- c -->',
      '&lt;script&gt;',
    ),
  },
);

const line = fc.array(inline, { maxLength: 8 }).map((parts) => parts.join(' '));

const block = fc.oneof(
  { weight: 4, arbitrary: line },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('> ', '- ', '1. ', '# ', '    ', '| ', '>>> '), line)
      .map(([prefix, text]) => prefix + text),
  },
  { weight: 1, arbitrary: url.map((href) => `[r]: ${href}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('#a', '#b', '#A', ''),
        fc.constantFrom('claimant=volodymyr-zelensky', 'claimant=nobody', ''),
        fc.constantFrom('source=kyiv', 'source=other', ''),
        fc.constantFrom('date=2025-06-14', 'date=2025-02-30', ''),
        fc.constantFrom('verdict=accurate', 'verdict=bogus', 'verdict=pending', ''),
        line,
        fc.boolean(),
      )
      .map(
        ([id, claimant, source, date, verdict, text, closed]) =>
          `:::claim{${[id, claimant, source, date, verdict].join(' ')}}\n> ${text}\n\n${text}\n${closed ? ':::' : ''}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ':::note',
      '::leaf[x]',
      ':::',
      '```',
      '---',
      '<div>',
      '</div>',
      '<script>',
      '</script>',
    ),
  },
);

/** A Markdown body: blocks separated by blank lines or single line breaks (LF or CRLF). */
export const markdownBody = fc
  .tuple(fc.array(block, { maxLength: 10 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\n'))
  .map(([blocks, separator]) => blocks.join(separator));

const frontmatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant(validFrontmatter) },
  { weight: 1, arbitrary: fc.string().map((yaml) => `---\n${yaml}\n---\n`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '---\n', '---\ntitle: [x\n---\n', '\uFEFF' + validFrontmatter),
  },
  {
    weight: 1,
    arbitrary: fc.constant(
      validFrontmatter.replace('title: Property digest', 'title: "&<]]>\\"🇺🇦"'),
    ),
  },
);

/** A whole digest file: some frontmatter, then a body. */
export const markdownDigest = fc
  .tuple(frontmatter, markdownBody)
  .map(([head, body]) => `${head}\n${body}\n`);
