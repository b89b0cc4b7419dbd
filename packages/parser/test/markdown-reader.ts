// The digest syntax's Markdown reader (remark-parse with frontmatter, GFM and directives), for
// tests that compare a reader changed by one of our plugins with the plain one.
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';

/** The reader, frozen, with `afterGfm` (a plugin, or a plugin and its options) right after remark-gfm, where the parser has it. */
export function markdownReader(afterGfm?: Pluggable) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(afterGfm ? [afterGfm] : [])
    .use(remarkDirective)
    .freeze();
}
