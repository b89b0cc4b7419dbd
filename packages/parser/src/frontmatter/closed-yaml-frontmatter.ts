/**
 * The `yaml` node that remark-frontmatter gives for a document opening with a closed `---` block,
 * read without micromark, for archived sources, whose frontmatter is all the parser reads.
 *
 * micromark tokenises the block character by character and combines its syntax extensions again
 * for every document, which was half the time an archived source took. The block's shape is
 * simple (micromark-extension-frontmatter): an opening `---` line at the very start, then any
 * lines up to the first line that is `---` followed only by spaces or tabs. The node's value is
 * the text between the fence lines, line endings included (mdast-util-frontmatter drops the ones
 * next to the fences). Where micromark would change the text (NUL becomes U+FFFD) or count
 * columns its own way (a tab on the closing line), this gives `undefined` and the caller parses.
 */
import type { Yaml } from 'mdast';

/** An opening fence line at the start of the document, with its line ending. */
const openingFence = /^---[ \t]*(?:\r\n|\r|\n)/;
const lineEnding = /\r\n|\r|\n/g;
const closingFence = /^---[ \t]*$/;
const finalLineEnding = /(?:\r\n|\r|\n)$/;

/**
 * The frontmatter node of `value`, when it opens with a block closed by a fence line that is
 * followed by a line ending; `undefined` when it does not, or when the plain reading could differ
 * from micromark's.
 */
export function closedYamlFrontmatter(value: string): Yaml | undefined {
  const opening = openingFence.exec(value);
  if (opening === null) return undefined;
  const contentStart = opening[0].length;
  let lineStart = contentStart;
  let line = 2;
  lineEnding.lastIndex = contentStart;
  for (let match = lineEnding.exec(value); match !== null; match = lineEnding.exec(value)) {
    const text = value.slice(lineStart, match.index);
    if (closingFence.test(text)) {
      const inner = value.slice(contentStart, lineStart);
      if (text.includes('\t') || inner.includes('\0')) return undefined;
      return {
        type: 'yaml',
        value: inner.replace(finalLineEnding, ''),
        position: {
          start: { line: 1, column: 1, offset: 0 },
          end: { line, column: text.length + 1, offset: match.index },
        },
      };
    }
    lineStart = match.index + match[0].length;
    line += 1;
  }
  return undefined;
}
