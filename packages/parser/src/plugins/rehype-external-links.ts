/**
 * Links that leave the site open without handing it the opener or the referrer. Runs after
 * rehype-sanitize: `rel` is added by us, never taken from the content.
 */
import type { Nodes, Root } from 'hast';
import { walkTree } from '../render/walk-tree.ts';

export function rehypeExternalLinks() {
  return (tree: Root): undefined => {
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element') return;
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      }
    });
  };
}
