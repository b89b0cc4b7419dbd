// Whatever an editor (or a broken tool) writes, the parser returns diagnostics; it never throws.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseContentFile, processContent, type ContentFile } from '../../src/index.ts';
import { sharedFiles } from '../content-helpers.ts';
import { markdownBody, markdownDigest, validFrontmatter } from './content-arbitraries.ts';

const paths = ['digests/input.md', 'entities/input.md', 'sources/input.md', 'notes/input.md'];
const path = fc.constantFrom(...paths);
const shared = sharedFiles();

function expectDiagnosticsShape(diagnostics: readonly { line: number; column: number }[]) {
  for (const diagnostic of diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
}

describe('the parser never throws', () => {
  test('on any string, in any folder', () => {
    fc.assert(
      fc.property(path, fc.string({ unit: 'grapheme', maxLength: 400 }), (file, value) => {
        const parsed = parseContentFile({ path: file, value });
        expectDiagnosticsShape(parsed.diagnostics);
      }),
      { numRuns: 200 },
    );
  });

  test('on any bytes, including invalid UTF-8', () => {
    fc.assert(
      fc.property(
        path,
        fc.uint8Array({ maxLength: 400 }),
        fc.boolean(),
        (file, random, withHead) => {
          const head = new TextEncoder().encode(withHead ? validFrontmatter : '');
          const bytes = new Uint8Array([...head, ...random]);
          expectDiagnosticsShape(parseContentFile({ path: file, bytes }).diagnostics);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('on Markdown-ish digests built from frontmatter, claims, links and HTML', () => {
    fc.assert(
      fc.property(markdownDigest, (value) => {
        const content = processContent([...shared, { path: 'digests/input.md', value }]);
        expectDiagnosticsShape(content.diagnostics);
      }),
      { numRuns: 300 },
    );
  });

  test('on Markdown-ish bodies in entities, sources and linked digests', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, markdownBody), { maxLength: 4 }), (bodies) => {
        const files: ContentFile[] = bodies.map(([file, body], index) => ({
          path: file.replace('input', `input-${index}`),
          value: `${validFrontmatter}${body}\n`,
        }));
        expectDiagnosticsShape(processContent([...shared, ...files]).diagnostics);
      }),
      { numRuns: 150 },
    );
  });
});
