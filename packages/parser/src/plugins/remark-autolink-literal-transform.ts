/**
 * Runs GFM's autolink literal transform (which turns `https://…`, `www.…` and email addresses
 * in text into links) only on trees where it can find something. Use it right after remark-gfm.
 *
 * The transform walks the whole tree four times, once per pattern (URLs, `xmpp:`, `mailto:`,
 * emails), with unist-util-visit-parents: a twentieth of the parser's time over the benchmark
 * corpus. Every pattern needs `http://`, `https://` or `www.` (in any case) or an `@` inside one
 * text node, and where none matches it changes nothing. So this plugin takes the transform out of
 * the Markdown reader and runs that same function first thing after parsing (nothing between
 * changes the tree) when some text node holds an `@`, `http://`, `https://` or `www.`.
 */
import type { Nodes, Root } from 'mdast';
import type { Data, Processor } from 'unified';
import { walkTree } from '../render/walk-tree.ts';

type FromMarkdownExtensions = NonNullable<Data['fromMarkdownExtensions']>;
type FromMarkdownExtension = Exclude<FromMarkdownExtensions[number], unknown[]>;
type Transform = NonNullable<FromMarkdownExtension['transforms']>[number];

/** The transform's name in mdast-util-gfm-autolink-literal. */
export const autolinkLiteralTransformName = 'transformGfmAutolinkLiterals';

/** What every pattern of the transform needs inside one text node (a superset of its matches). */
const possibleAutolinkLiteral = /@|https?:\/\/|www\./i;

export function remarkAutolinkLiteralTransform(this: Processor) {
  const data = this.data();
  const taken: Transform[] = [];
  const without = (extension: FromMarkdownExtension): FromMarkdownExtension => {
    const transforms = extension.transforms ?? [];
    const kept = transforms.filter((transform) => transform.name !== autolinkLiteralTransformName);
    if (kept.length === transforms.length) return extension;
    taken.push(...transforms.filter((transform) => !kept.includes(transform)));
    return { ...extension, transforms: kept };
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((entry) =>
    Array.isArray(entry) ? entry.map(without) : without(entry as FromMarkdownExtension),
  );
  if (taken.length === 0) {
    throw new Error(
      `remarkAutolinkLiteralTransform: no \`${autolinkLiteralTransformName}\` transform found; use it after remark-gfm.`,
    );
  }

  return (tree: Root): Root => {
    if (!mayHoldAutolinkLiteral(tree)) return tree;
    // As mdast-util-from-markdown runs transforms: one may return a new tree.
    let result = tree;
    for (const transform of taken) result = transform(result) ?? result;
    return result;
  };
}

function mayHoldAutolinkLiteral(tree: Root): boolean {
  let found = false;
  walkTree<Nodes>(tree, (node) => {
    if (!found && node.type === 'text' && possibleAutolinkLiteral.test(node.value)) found = true;
    return undefined;
  });
  return found;
}
