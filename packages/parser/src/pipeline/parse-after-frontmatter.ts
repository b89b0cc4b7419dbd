/**
 * Parses a digest or entity file that opens with a closed YAML frontmatter block: the block's
 * node is read straight from its fences (closedYamlFrontmatter) and micromark reads only the
 * Markdown after it, whose positions are then moved to where that text sits in the file.
 *
 * micromark tokenises a frontmatter block character by character, about a fifth of the time a
 * digest took to parse, only to make one `yaml` node. The block ends with its closing line, and
 * micromark starts the next line afresh (no container or paragraph is open), so the text after
 * it reads the same on its own, with a reader that has no frontmatter construct (a `---` line
 * there is a thematic break, not a new block). Where the shortcut cannot apply this gives
 * `undefined` and the caller parses the whole file.
 */
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import { closedYamlFrontmatter } from '../frontmatter/closed-yaml-frontmatter.ts';
import { walkTree } from '../render/walk-tree.ts';

/** Reads Markdown with the same plugins as the whole file's reader, minus frontmatter. */
export type BodyReader = (markdown: string) => Root;

export function parseAfterFrontmatter(
  value: string,
  readBody: BodyReader,
  frontmatter = closedYamlFrontmatter(value),
): Root | undefined {
  const end = frontmatter?.position?.end;
  if (frontmatter === undefined || end?.offset === undefined) return undefined;
  const bodyStart = end.offset + (value.startsWith('\r\n', end.offset) ? 2 : 1);
  // micromark drops a byte-order mark at the start of what it reads, not inside it.
  if (value.charCodeAt(bodyStart) === 0xfeff) return undefined;

  const body = readBody(value.slice(bodyStart));
  // The body's line 1 is the line after the closing fence; columns do not change.
  const lines = end.line;
  walkTree<Nodes>(body, (node) => {
    const position = node.position;
    if (position !== undefined) {
      node.position = {
        start: shifted(position.start, lines, bodyStart),
        end: shifted(position.end, lines, bodyStart),
      };
    }
    return undefined;
  });
  const tree: Root = {
    type: 'root',
    children: [frontmatter, ...body.children],
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: body.position?.end ?? shifted({ line: 1, column: 1, offset: 0 }, lines, bodyStart),
    },
  };
  const nestingTooDeep = body.data?.nestingTooDeep;
  if (body.data !== undefined) {
    tree.data =
      nestingTooDeep === undefined
        ? body.data
        : {
            ...body.data,
            nestingTooDeep: { line: nestingTooDeep.line + lines, column: nestingTooDeep.column },
          };
  }
  return tree;
}

function shifted(point: Point, lines: number, offset: number): Point {
  return point.offset === undefined
    ? { line: point.line + lines, column: point.column }
    : { line: point.line + lines, column: point.column, offset: point.offset + offset };
}
