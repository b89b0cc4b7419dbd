/**
 * Turns a content file's bytes (or a string someone already decoded) into the text the parser
 * reads. Content files are UTF-8: bytes that are not valid UTF-8 are located, so the editor can be
 * told where, and decoded as U+FFFD so every other problem in the file is still reported.
 * A leading byte-order mark is dropped: editors do not show it, so positions start after it.
 */
import type { Position } from '../model.ts';

export interface DecodedContentText {
  text: string;
  /** Where the first byte sequence that is not valid UTF-8 decodes to, if there is one. */
  invalid?: { position: Position; count: number };
}

const byteOrderMark = '\uFEFF';
const replacementCharacter = '\uFFFD';
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
/** U+FFFD as UTF-8: a replacement character the file really contains, not a decoding error. */
const encodedReplacement = encoder.encode(replacementCharacter);

export function decodeContentText(input: string | Uint8Array): DecodedContentText {
  if (typeof input === 'string') {
    return { text: input.startsWith(byteOrderMark) ? input.slice(1) : input };
  }
  try {
    // Both decoders drop a leading byte-order mark (`ignoreBOM` is false).
    return { text: strictDecoder.decode(input) };
  } catch {
    const text = lenientDecoder.decode(input);
    const firstInvalid = firstInvalidIndex(text, input);
    if (firstInvalid === undefined) return { text };
    return {
      text,
      invalid: { position: positionAt(text, firstInvalid), count: invalidCount(input) },
    };
  }
}

/**
 * The index in `text` of the first U+FFFD that stands for invalid bytes. Before it the file
 * decoded cleanly, so the bytes of the text before it are exactly the file's first bytes, and a
 * genuine U+FFFD is told apart by the bytes EF BF BD at that offset.
 */
function firstInvalidIndex(text: string, bytes: Uint8Array): number | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let byteOffset = start;
  let searchedTo = 0;
  for (
    let index = text.indexOf(replacementCharacter);
    index !== -1;
    index = text.indexOf(replacementCharacter, index + 1)
  ) {
    byteOffset += encoder.encode(text.slice(searchedTo, index)).length;
    const genuine = encodedReplacement.every((byte, offset) => bytes[byteOffset + offset] === byte);
    if (!genuine) return index;
    byteOffset += encodedReplacement.length;
    searchedTo = index + 1;
  }
  return undefined;
}

/** How many invalid sequences there are: U+FFFDs the lenient decoding has beyond genuine ones. */
function invalidCount(bytes: Uint8Array): number {
  const decoded = lenientDecoder.decode(bytes);
  let replacements = 0;
  for (let index = decoded.indexOf(replacementCharacter); index !== -1;) {
    replacements += 1;
    index = decoded.indexOf(replacementCharacter, index + 1);
  }
  let genuine = 0;
  for (let offset = 0; offset + 2 < bytes.length; offset++) {
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      genuine += 1;
    }
  }
  return replacements - genuine;
}

function positionAt(text: string, index: number): Position {
  const before = text.slice(0, index);
  const lastNewline = before.lastIndexOf('\n');
  let line = 1;
  for (
    let offset = before.indexOf('\n');
    offset !== -1;
    offset = before.indexOf('\n', offset + 1)
  ) {
    line += 1;
  }
  return { line, column: index - lastNewline };
}
