/**
 * Keeps the Markdown tree shallow enough for the stages that walk it recursively.
 *
 * micromark reads any depth of nesting (`> > > …`, `- - - …`, `***…***`), but GFM's autolink
 * transform, remark-rehype, the sanitiser and the serialiser recurse once per level, and a few
 * thousand levels overflow the call stack. No real digest nests more than a handful of levels, so
 * the first node deeper than `maxDepth` is reported (`nesting-too-deep`) and everything below that
 * depth is dropped. The check is an mdast transform registered ahead of GFM's, so it runs inside
 * `parse`, before any recursive walk.
 */
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import type { Position } from '../model.ts';

export interface Options {
  /** Deepest level kept: the root's children are at depth 1. */
  maxDepth?: number;
  /** Report the problem on the file (off for archived sources, whose body is not Markdown). */
  report?: boolean;
}

export const defaultOptions: Required<Options> = { maxDepth: 100, report: true };

declare module 'mdast' {
  interface RootData {
    /** Where the first node deeper than the nesting limit started, if any. */
    nestingTooDeep?: Position;
  }
}

export function remarkNestingLimit(this: Processor, options: Options = {}) {
  const settings = { ...defaultOptions, ...options };
  const data = this.data();
  const extension = { transforms: [(tree: Root) => limitDepth(tree, settings.maxDepth)] };
  // First, so it runs before the transforms of the extensions registered earlier (GFM's).
  (data.fromMarkdownExtensions ??= []).unshift(extension);

  return (tree: Root, file: VFile): undefined => {
    const place = tree.data?.nestingTooDeep;
    if (!settings.report || place === undefined) return;
    report(
      file,
      'nesting-too-deep',
      place,
      `The Markdown here is nested more than ${settings.maxDepth} levels deep (blockquotes, lists or emphasis inside each other), so the content below that depth is dropped: flatten it.`,
    );
  };
}

/** Empties every node at `maxDepth` that has children; an explicit stack, so no recursion. */
function limitDepth(tree: Root, maxDepth: number): undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  let first: Position | undefined;
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, depth } = entry;
    if (!('children' in node) || node.children.length === 0) continue;
    if (depth >= maxDepth) {
      const start = node.children[0]?.position?.start;
      if (start && (first === undefined || isBefore(start, first))) {
        first = { line: start.line, column: start.column };
      }
      node.children = [];
      continue;
    }
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  if (first !== undefined) tree.data = { ...tree.data, nestingTooDeep: first };
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
