// How file bytes become text: invalid UTF-8 is reported where it starts, a byte-order mark is
// dropped without shifting positions, and a real U+FFFD in valid UTF-8 is not an error.
import { describe, expect, test } from 'vitest';
import { parseContentFile, processContent } from '../src/index.ts';
import { sharedFiles } from './content-helpers.ts';

const frontmatter = `---
title: Encoding test
eventDate: 2025-06-14
published: 2025-06-15
conclusion: A conclusion.
status: draft
sources:
  - id: kyiv
    title: Ukraine brings home more POWs
    publisher: The Kyiv Independent
    published: 2025-06-14
    url: https://example.org/
---
`;
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};
const rulesOf = (bytes: Uint8Array | string) => {
  const input = { path: 'digests/input.md' };
  const parsed = parseContentFile(
    typeof bytes === 'string' ? { ...input, value: bytes } : { ...input, bytes },
  );
  return parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
};

describe('bytes that are not UTF-8', () => {
  test('are reported at the line and column of the first bad byte', () => {
    // "Zelensky’s" saved as Windows-1252: 0x92 for the apostrophe, after "Zelensky" (col 9).
    const bytes = concat(
      utf8(`${frontmatter}Intro.\n\nЗеленський Zelensky`),
      new Uint8Array([0x92]),
      utf8('s\n'),
    );
    const parsed = parseContentFile({ path: 'digests/input.md', bytes });
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'encoding-invalid',
        severity: 'error',
        line: 16,
        column: 20,
      }),
    ]);
    expect(parsed.diagnostics[0]?.message).toContain('the bytes here are shown as `\uFFFD`');
    // The rest of the file is still read.
    expect(parsed.kind === 'digest' && parsed.digest?.text).toBe(
      'Intro.\n\nЗеленський Zelensky\uFFFDs',
    );
  });

  test('a truncated sequence at the end of the file is reported too', () => {
    const bytes = concat(utf8(`${frontmatter}Київ`), new Uint8Array([0xd0]));
    expect(rulesOf(bytes)).toEqual(['14:5 encoding-invalid']);
  });

  test('several bad sequences give one diagnostic that counts them', () => {
    const bytes = concat(
      utf8(`${frontmatter}a`),
      new Uint8Array([0xff]),
      utf8('\nb'),
      new Uint8Array([0xc3, 0x28]),
    );
    const parsed = parseContentFile({ path: 'digests/input.md', bytes });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '14:2 encoding-invalid',
    ]);
    expect(parsed.diagnostics[0]?.message).toContain('2 byte sequences, the first here');
  });

  test('a U+FFFD the file really contains is not an error, and does not hide a later bad byte', () => {
    expect(rulesOf(utf8(`${frontmatter}A real \uFFFD character.\n`))).toEqual([]);
    const bytes = concat(
      utf8(`${frontmatter}\uFFFD and `),
      new Uint8Array([0xe2, 0x80]),
      utf8(' x\n'),
    );
    expect(rulesOf(bytes)).toEqual(['14:7 encoding-invalid']);
  });

  test('an invalid entity file is reported through processContent with its path', () => {
    const bytes = concat(
      utf8('---\nname: Kyi'),
      new Uint8Array([0xfe]),
      utf8('v\nkind: place\ndescription: City.\n---\n'),
    );
    const content = processContent([...sharedFiles(), { path: 'entities/kyiv.md', bytes }]);
    expect(content.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'entities/kyiv.md:2:10 encoding-invalid',
    ]);
    expect(content.entities.find((entity) => entity.id === 'kyiv')?.name).toBe('Kyi\uFFFDv');
  });
});

describe('a byte-order mark', () => {
  const body =
    ':::claim{#a claimant=volodymyr-zelensky source=kyiv date=2025-06-14 verdict=bogus}\n> marking the fourth prisoner exchange in a week\n:::\n';
  const expected = ['14:69 claim-verdict-unknown'];

  test('is dropped from a string without shifting positions or breaking claim blocks', () => {
    expect(rulesOf(`${frontmatter}${body}`)).toEqual(expected);
    expect(rulesOf(`\uFEFF${frontmatter}${body}`)).toEqual(expected);
  });

  test('is dropped from bytes the same way', () => {
    expect(
      rulesOf(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(`${frontmatter}${body}`))),
    ).toEqual(expected);
  });
});
