/**
 * The last step of every feed: makes the XML that `@astrojs/rss` builds safe for any text that
 * went into it and unambiguous for feed readers.
 *
 * - Characters XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets: C0 controls other
 *   than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates) are
 *   removed. A feed with one of them is not well-formed and readers reject all of it; the
 *   characters carry nothing a reader could show, and an unpaired surrogate cannot even be
 *   encoded as UTF-8.
 * - In the elements readers show or render (`title`, `description`, `category`,
 *   `content:encoded`), `&`, `<`, `>` and carriage return are written as hexadecimal character
 *   references and surrounding whitespace is trimmed. RSS leaves open whether these elements
 *   hold text or HTML, so many readers decode entities a second time: written as `&amp;`, a
 *   title's literal `&copy 2025` would show as `© 2025`. The RSS Best Practices Profile
 *   (https://www.rssboard.org/rss-profile#data-types-characterdata) recommends hexadecimal
 *   references as the form the widest range of readers reads back as written. A bare carriage
 *   return would become a line feed in any conforming XML parser; its reference survives.
 *   Readers trim these elements anyway, so trimming here keeps trailing whitespace out of
 *   the one place (before a reference) where readers would not trim it.
 */

/** One character outside XML 1.0's `Char` production (with the `u` flag, a lone surrogate). */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A shown or rendered element as `@astrojs/rss` writes it: no attributes, escaped text. */
const readerTextElement = /<(title|description|category|content:encoded)>([^<]*)<\/\1>/g;

/** `text` without the characters XML 1.0 cannot carry. */
export function withoutNonXmlCharacters(text: string): string {
  return text.replace(notXmlCharacter, '');
}

function withHexReferences(escapedText: string): string {
  return escapedText
    .replaceAll('&amp;', '&#x26;')
    .replaceAll('&lt;', '&#x3C;')
    .replaceAll('&gt;', '&#x3E;')
    .replaceAll('\r', '&#xD;');
}

export function feedXmlForReaders(xml: string): string {
  return withoutNonXmlCharacters(xml).replace(
    readerTextElement,
    (_element, name: string, text: string) =>
      `<${name}>${withHexReferences(text.trim())}</${name}>`,
  );
}
