/**
 * An mdast node that holds HTML (hast) nodes already made, for markup the parser generates: the
 * claim labels. remark-rehype turns each node of the Markdown tree into hast one by one and
 * copies every `hProperties` with `structuredClone`; the labels of a claim were sixteen such
 * nodes, half the nodes of a digest's tree, for markup that never depends on the Markdown. With
 * `hastContentHandler` registered, remark-rehype puts the held nodes in place as they are.
 */
import type { ElementContent, Properties } from 'hast';
import type { Data, Node } from 'mdast';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['text']>;

export interface HastContent extends Node {
  type: 'hastContent';
  data: Data & { hast: ElementContent[] };
}

declare module 'mdast' {
  interface BlockContentMap {
    hastContent: HastContent;
  }
  interface PhrasingContentMap {
    hastContent: HastContent;
  }
  interface RootContentMap {
    hastContent: HastContent;
  }
}

export function hastContent(hast: ElementContent[]): HastContent {
  return { type: 'hastContent', data: { hast } };
}

/** remark-rehype's handler for `hastContent` nodes: `handlers: { hastContent: hastContentHandler }`. */
export const hastContentHandler: Handler = (_state, node) => (node as HastContent).data.hast;

/** An element as remark-rehype makes one from an mdast node with no position. */
export function element(
  tagName: string,
  properties: Properties,
  children: ElementContent[],
): ElementContent {
  return { type: 'element', tagName, properties, children };
}

/** A text node as remark-rehype makes one from mdast text without line endings. */
export function text(value: string): ElementContent {
  return { type: 'text', value };
}
