/**
 * Only safe, publishable markup reaches the HTML: links and images must use http(s), mailto or a
 * relative URL, and raw HTML is limited to `<br>` (and comments, which are not rendered).
 * Offending nodes are reported and neutralised (a link keeps its text, an image its alt text).
 * rehype-sanitize still runs afterwards as a second line of defence; this plugin is what tells
 * the editor.
 */
import type { Nodes, Parents, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { report, startOf } from '../diagnostics/report.ts';
import { walkTree } from '../render/walk-tree.ts';

const unsafeSchemes = new Set(['javascript', 'data', 'vbscript']);
const publishedSchemes = new Set(['http', 'https', 'mailto']);
const lineBreakTag = /^<br\s*\/?>$/i;
const comment = /^<!--[\s\S]*-->$/;

/** The scheme a browser would see: it ignores ASCII whitespace and control characters in URLs. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what we strip
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

export function remarkContentSafety() {
  return (tree: Root, file: VFile): undefined => {
    walkTree<Nodes>(tree, (node, ancestors, index) => {
      const parent = ancestors.at(-1) as Parents | undefined;
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const scheme = urlScheme(node.url);
        if (scheme === undefined || publishedSchemes.has(scheme)) return undefined;
        const what = node.type === 'image' ? 'Image' : 'Link';
        if (unsafeSchemes.has(scheme)) {
          report(
            file,
            'url-unsafe',
            startOf(node),
            `${what} uses an unsafe \`${scheme}:\` URL, which is removed: link to an http(s) address or a relative content file instead.`,
          );
        } else {
          report(
            file,
            'url-unsupported-scheme',
            startOf(node),
            `${what} uses a \`${scheme}:\` URL, which the site does not publish: use an http(s), mailto: or relative link.`,
          );
        }
        if (parent === undefined || index === undefined) return undefined;
        if (node.type === 'definition') {
          node.url = '';
          return undefined;
        }
        const replacement: RootContent[] =
          node.type === 'link' ? node.children : [textLike(node.alt ?? '', node)];
        parent.children.splice(index, 1, ...(replacement as never[]));
        return index;
      }
      if (node.type === 'html' && parent !== undefined && index !== undefined) {
        const html = node.value.trim();
        if (lineBreakTag.test(html) && parent.type !== 'root') {
          parent.children.splice(index, 1, { type: 'break' } as never);
          return index + 1;
        }
        if (!comment.test(html)) {
          report(
            file,
            'html-raw',
            startOf(node),
            `Raw HTML \`${abbreviate(html)}\` is not allowed and is not rendered: write it in Markdown (only \`<br>\` and comments are allowed).`,
          );
        }
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
  };
}

function textLike(value: string, from: RootContent): Text {
  const text: Text = { type: 'text', value };
  if (from.position) text.position = from.position;
  return text;
}

function abbreviate(html: string): string {
  const firstLine = html.split('\n')[0] ?? '';
  return firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
}
