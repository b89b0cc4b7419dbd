/**
 * Links that leave the site open without handing it the opener or the referrer. Runs after
 * rehype-sanitize: `rel` is added by us, never taken from the content.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeExternalLinks() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      }
    });
  };
}
