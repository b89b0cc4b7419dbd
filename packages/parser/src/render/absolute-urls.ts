/**
 * Rewrites every `href` and `src` in a hast tree to an absolute URL resolved against a page's
 * address, for HTML read without that page around it (a feed item has no base URL of its own).
 * Cross-reference placeholders (`xref:<n>`) are left for `linkContent`, which resolves them with
 * the rest of the document's links.
 */
import type { Nodes, Root } from 'hast';
import { placeholderScheme } from '../plugins/remark-cross-references.ts';
import { walkTree } from './walk-tree.ts';

const placeholderPrefix = `${placeholderScheme}:`;

export function absoluteUrls(tree: Root, pageUrl: string): void {
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'element') return;
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string' && !value.startsWith(placeholderPrefix)) {
        node.properties[name] = new URL(value, pageUrl).href;
      }
    }
  });
}
