/**
 * The HTML of a digest as a feed reader gets it (`content:encoded`): the conclusion and any
 * corrections first, then the digest body. The body is the digest's feed HTML: the parser's
 * sanitised HTML with links and images made absolute when the digest was parsed (a feed item has
 * no base URL of its own), so the site feed only writes the small header here.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PublishedDigest as Digest } from '../loaders/published-content.ts';
import { formatDate } from './format-date.ts';

function element(
  tagName: string,
  properties: Element['properties'],
  children: (ElementContent | string)[],
): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((child) =>
      typeof child === 'string' ? { type: 'text', value: child } : child,
    ),
  };
}

/** `body` is the digest's feed HTML (`SiteContent.digestFeedHtml`), written after the header. */
export function feedHtml(digest: Digest, body: string): string {
  const corrections = [...digest.corrections].sort((a, b) => (a.date < b.date ? 1 : -1));
  const header: Element[] = [
    element('p', {}, [element('strong', {}, ['Conclusion: ']), digest.conclusion]),
  ];
  if (corrections.length > 0) {
    header.push(
      element('p', {}, [element('strong', {}, ['Corrections:'])]),
      element(
        'ul',
        {},
        corrections.map((correction) =>
          element('li', {}, [
            element('time', { dateTime: correction.date }, [formatDate(correction.date)]),
            `: ${correction.note}`,
          ]),
        ),
      ),
    );
  }
  // A root's HTML is its children's, one after another: the header's, then the body.
  return toHtml({ type: 'root', children: header }) + body;
}
