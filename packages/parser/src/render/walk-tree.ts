/**
 * Calls `enter` for every node of a syntax tree (mdast or hast), in document order (preorder),
 * with the node's ancestors from the root down and its index in its parent.
 *
 * The parser's walks use this instead of unist-util-visit: that visitor builds a function per
 * node and names it (`Object.defineProperty`) for its debug output, which was a tenth of the
 * parser's time over the benchmark corpus. The semantics are unist-util-visit's: children are
 * read after `enter` returns, so a node's new children are walked, and `enter` may return an
 * index in the parent to go on from without walking the node's children (unist-util-visit's
 * `[SKIP, index]`), for walks that replace the node by others in its parent.
 */
interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
}

export function walkTree<Node extends TreeNode>(
  tree: Node,
  enter: (node: Node, ancestors: readonly Node[], index: number | undefined) => number | undefined,
): void {
  // One stack for the whole walk: `enter` must not keep it.
  const ancestors: Node[] = [];
  const walk = (node: Node, index: number | undefined): number | undefined => {
    const resumeAt = enter(node, ancestors, index);
    if (resumeAt !== undefined) return resumeAt;
    const children = node.children as readonly Node[] | undefined;
    if (children === undefined) return undefined;
    ancestors.push(node);
    // `children` is re-read each time round: `enter` may splice it.
    for (let child = 0; child < children.length;) {
      child = walk(children[child] as Node, child) ?? child + 1;
    }
    ancestors.pop();
    return undefined;
  };
  walk(tree, undefined);
}
