/**
 * Drops GFM's email autolink literal construct (`contact@example.org`) from the Markdown
 * reader, for documents that contain no `@`.
 *
 * micromark tries that construct at the start of every word (it is registered on every ASCII
 * letter and digit), reads the word, and gives up when no `@` follows: about a third of the time
 * a digest takes to parse. Without an `@` in the document it can never match, and a failed
 * attempt leaves nothing behind (the text around it is merged back into one run), so a reader
 * without it builds the same tree. The parser picks this reader only for documents without `@`;
 * GFM's other autolink literals (`www.`, `http://`) and its mdast transform are kept.
 */
import type { Data, Processor } from 'unified';

type MicromarkExtension = NonNullable<Data['micromarkExtensions']>[number];
type ConstructRecord = NonNullable<MicromarkExtension['text']>;
type Constructs = ConstructRecord[keyof ConstructRecord];

/** The construct's name in micromark-extension-gfm-autolink-literal. */
export const emailAutolinkConstruct = 'emailAutolink';

export function remarkNoEmailAutolinks(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map(withoutEmailAutolink);
}

function withoutEmailAutolink(extension: MicromarkExtension): MicromarkExtension {
  if (extension.text === undefined || extension.text === null) return extension;
  const text: ConstructRecord = {};
  for (const [code, constructs] of Object.entries(extension.text) as [string, Constructs][]) {
    if (constructs === undefined) continue;
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (construct) => construct.name !== emailAutolinkConstruct,
    );
    if (kept.length > 0) text[code as unknown as number] = kept;
  }
  return { ...extension, text };
}
