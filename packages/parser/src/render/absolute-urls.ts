/**
 * Rewrites every `href` and `src` in a hast tree to an absolute URL resolved against a page's
 * address, for HTML read without that page around it (a feed item has no base URL of its own).
 * Cross-reference placeholders (`xref:<n>`) are left for `linkContent`, which resolves them with
 * the rest of the document's links. A plain recursive walk: it runs over every digest's whole
 * tree, and per-node bookkeeping showed up when this ran on the site's main thread.
 */
import type { Element, Root } from 'hast';
import { placeholderScheme } from '../plugins/remark-cross-references.ts';

const placeholderPrefix = `${placeholderScheme}:`;

export function absoluteUrls(tree: Root | Element, pageUrl: string): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    for (const name of ['href', 'src'] as const) {
      const value = child.properties[name];
      if (typeof value === 'string' && !value.startsWith(placeholderPrefix)) {
        child.properties[name] = new URL(value, pageUrl).href;
      }
    }
    absoluteUrls(child, pageUrl);
  }
}
