/**
 * Escapes article text for a Markdown paragraph so that it reads back as exactly the same text:
 * a quote in a draft must stay word for word what the source says, even when the source writes
 * `*`, `_`, `[`, `<`, an entity-like `&amp;` or a `:name` the directive syntax would take.
 */
export function escapeMarkdownText(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // remark-directive reads `:name`, `::name` and `:::name` as directives.
    .replace(/:(?=[:a-z])/gi, '\\:');
  // At the start of a line these open a heading, a list item or a setext underline.
  return escaped.replace(/^[#+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}
