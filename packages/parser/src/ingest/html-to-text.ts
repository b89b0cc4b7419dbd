import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * Feed content is HTML (often inside CDATA, with entities): decode it to text with one paragraph
 * per line, the shape a plain-text article arrives in, so both share the rest of the pipeline.
 */
export function htmlToText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  return toText(tree)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
