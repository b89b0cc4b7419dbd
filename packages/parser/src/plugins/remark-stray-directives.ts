/**
 * Keeps directives to the one the format defines (`:::claim`, in digests only).
 *
 * remark-directive reads `:` followed by letters as a text directive, so ordinary prose such as
 * "12:30" or "note:word" would lose text. A text directive written as bare `:name` (no `[label]`,
 * no `{attributes}`) is almost always such prose, so it is turned back into the text it was.
 * Anything that looks deliberate (brackets, braces, `::leaf` or `:::container`) and is not a
 * claim is reported and unwrapped, so its label and content still show.
 */
import type { Nodes, Parents, Root, RootContent, PhrasingContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report, startOf } from '../diagnostics/report.ts';
import { walkTree } from '../render/walk-tree.ts';

export interface Options {
  /** Directive names allowed as containers (`claim` in digests, none elsewhere). */
  containers: readonly string[];
}

type Directive = ContainerDirective | LeafDirective | TextDirective;

export function remarkStrayDirectives(options: Options) {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    walkTree<Nodes>(tree, (node, ancestors, index) => {
      const parent = ancestors.at(-1) as Parents | undefined;
      if (!isDirective(node) || parent === undefined || index === undefined) return undefined;
      const written = sourceOf(source, node);

      if (node.type === 'containerDirective' && !/\n[ \t]*:{3,}[ \t]*$/.test(written)) {
        report(
          file,
          'directive-unclosed',
          startOf(node),
          `The \`:::${node.name}\` block is never closed, so it runs to the end of the file: add a line with \`:::\` where it ends.`,
        );
      }
      if (node.type === 'containerDirective' && options.containers.includes(node.name)) {
        return undefined;
      }
      if (node.type === 'textDirective' && written === `:${node.name}`) {
        const text: Text = { type: 'text', value: written };
        if (node.position) text.position = node.position;
        parent.children.splice(index, 1, text as never);
        mergeAdjacentText(parent.children as PhrasingContent[]);
        return index;
      }
      const marker =
        node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
      const allowed = options.containers.map((name) => `\`:::${name}\``).join(' and ');
      report(
        file,
        'directive-unknown',
        startOf(node),
        `Unknown directive \`${marker}${node.name}\`: ${
          allowed
            ? `only ${allowed} is defined here`
            : 'no directives are defined in this kind of file'
        }; remove it, or write the colon as \`\\:\` if you meant plain text.`,
      );
      // Keep the content visible: leaf directive labels become a paragraph.
      const replacement =
        node.type === 'leafDirective'
          ? [{ type: 'paragraph', children: node.children } as RootContent]
          : (node.children as RootContent[]);
      parent.children.splice(index, 1, ...(replacement as never[]));
      return index;
    });
  };
}

function isDirective(node: { type: string }): node is Directive {
  return (
    node.type === 'containerDirective' ||
    node.type === 'leafDirective' ||
    node.type === 'textDirective'
  );
}

function sourceOf(source: string, node: Directive): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** Joins neighbouring text nodes so alias matching sees "12:30 Kyiv" as one run of text. */
function mergeAdjacentText(children: PhrasingContent[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const current = children[index];
    const previous = children[index - 1];
    if (current?.type === 'text' && previous?.type === 'text') {
      previous.value += current.value;
      if (previous.position && current.position) previous.position.end = current.position.end;
      children.splice(index, 1);
    }
  }
}
