/**
 * Calls `enter` for every node of a syntax tree (mdast or hast), in document order (preorder),
 * with the node's ancestors from the root down.
 *
 * The parser's read-only walks use this instead of unist-util-visit: that visitor builds a
 * function per node and names it (`Object.defineProperty`) for its debug output, which was a
 * tenth of the parser's time over the benchmark corpus. Children are read after `enter` returns,
 * so a node's new children are walked, as unist-util-visit does; walks that remove or replace
 * siblings keep using unist-util-visit.
 */
interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
}

export function walkTree<Node extends TreeNode>(
  tree: Node,
  enter: (node: Node, ancestors: readonly Node[]) => void,
): void {
  // One stack for the whole walk: `enter` must not keep it.
  const ancestors: Node[] = [];
  const walk = (node: Node): void => {
    enter(node, ancestors);
    const children = node.children as readonly Node[] | undefined;
    if (children === undefined) return;
    ancestors.push(node);
    for (let index = 0; index < children.length; index++) walk(children[index] as Node);
    ancestors.pop();
  };
  walk(tree);
}
