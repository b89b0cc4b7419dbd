/**
 * Whatever the input, the HTML the parser produces runs no script: no script-bearing elements, no
 * event-handler attributes, and no URL whose scheme (after entity decoding, with case, whitespace
 * and control characters folded as a browser folds them) is javascript:, data: or vbscript:.
 * The HTML is parsed with hast-util-from-html and every element and attribute inspected.
 */
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { processContent } from '../../src/index.ts';
import { sharedFiles } from '../content-helpers.ts';
import {
  markdownBody,
  markdownDigest,
  unsafeUrl,
  validFrontmatter,
} from './content-arbitraries.ts';

const executableElements = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
]);
const urlProperties = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'cite',
  'data',
  'poster',
  'background',
  'xLinkHref',
  'srcSet',
  'ping',
  'longDesc',
  'manifest',
  'codeBase',
]);
const unsafeSchemes = new Set(['javascript', 'data', 'vbscript']);

/** The scheme a browser would act on: it drops ASCII whitespace and C0 controls and ignores case. */
function browserScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these
  const folded = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(folded)?.[1];
}

/** Every problem in one HTML fragment; empty when it is safe. */
export function unsafeParts(html: string): string[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const problems: string[] = [];
  visit(tree, 'element', (element: Element) => {
    if (executableElements.has(element.tagName)) problems.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) problems.push(`${element.tagName}[${name}]`);
      if (!urlProperties.has(name)) continue;
      for (const url of Array.isArray(value) ? value : [value]) {
        const scheme = typeof url === 'string' ? browserScheme(url) : undefined;
        if (scheme !== undefined && (unsafeSchemes.has(scheme) || scheme === 'xref')) {
          problems.push(`${element.tagName}[${name}=${String(url)}]`);
        }
      }
    }
  });
  return problems;
}

function renderedHtml(files: { path: string; value: string }[]): string[] {
  const content = processContent([...sharedFiles(), ...files]);
  return [
    ...content.digests.flatMap((digest) => [
      digest.html,
      ...digest.claims.map((c) => c.assessmentHtml),
    ]),
    ...content.entities.map((entity) => entity.html),
  ];
}

describe('rendered HTML is safe', () => {
  test('the checker itself finds what it must', () => {
    expect(unsafeParts('<a href="&#106;avascript:x">a</a>')).toEqual(['a[href=javascript:x]']);
    expect(unsafeParts('<img src=" DATA:x" onerror="y">')).toEqual([
      'img[src= DATA:x]',
      'img[onError]',
    ]);
    expect(unsafeParts('<p>javascript:alert(1)</p><a href="https://example.org/">ok</a>')).toEqual(
      [],
    );
  });

  test('for Markdown-ish digests', () => {
    fc.assert(
      fc.property(markdownDigest, (value) => {
        for (const html of renderedHtml([{ path: 'digests/input.md', value }])) {
          expect(unsafeParts(html)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('for unsafe URLs in every place a URL can be written', () => {
    const places = [
      (url: string) => `[link](${url})`,
      (url: string) => `[link](<${url}>)`,
      (url: string) => `![image](${url})`,
      (url: string) => `[ref][r]\n\n![image ref][r]\n\n[r]: ${url}`,
      (url: string) => `<${url}>`,
      (url: string) => `<a href="${url}">raw</a>`,
      (url: string) => `[link](${url} "title")`,
    ];
    fc.assert(
      fc.property(
        unsafeUrl,
        fc.constantFrom(...places),
        fc.constantFrom('digests', 'entities'),
        (url, place, folder) => {
          const value =
            folder === 'digests'
              ? `${validFrontmatter}\n${place(url)}\n`
              : `---\nname: Kyiv\nkind: place\ndescription: City.\n---\n${place(url)}\n`;
          for (const html of renderedHtml([{ path: `${folder}/input.md`, value }])) {
            expect(unsafeParts(html)).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('for entity bodies', () => {
    fc.assert(
      fc.property(markdownBody, (body) => {
        const value = `---\nname: Kyiv\nkind: place\ndescription: City.\n---\n${body}\n`;
        for (const html of renderedHtml([{ path: 'entities/kyiv.md', value }])) {
          expect(unsafeParts(html)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
