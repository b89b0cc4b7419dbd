/**
 * Cleans a received body into the text we archive: whitespace normalised, repeated lines kept
 * once (aggregators repeat photo captions, one per photo), photo captions marked as captions, and
 * the aggregator's trailing attribution line taken out as metadata.
 */
import type { CleanArticle, Paragraph, ParagraphKind } from './ingest-result.ts';

/** "From The Kyiv Independent - News from Ukraine, Eastern Europe via this RSS feed". */
const attributionLine = /^From (.+?) via (?:this|the) (?:RSS |Atom )?feed\.?$/i;

const captionOpening = /^(?:Photos?|Pictures?|Images?|Videos?|Footage)\b(?: shows?| show|:)/i;
/** A trailing credit such as "(Volodymyr Zelensky / Telegram)" or "(Photo: Reuters)". */
const captionCredit = /\((?:[^()]+ \/ [^()]+|(?:Photo|Image|Video)(?: by|:)[^()]+)\)$/i;

export function classifyParagraph(line: string): ParagraphKind {
  return captionOpening.test(line) || captionCredit.test(line) ? 'caption' : 'paragraph';
}

export function cleanText(raw: string): CleanArticle {
  const lines = raw
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');

  let attribution: CleanArticle['attribution'];
  const last = lines.at(-1);
  const attributionMatch = last === undefined ? null : attributionLine.exec(last);
  if (last !== undefined && attributionMatch?.[1]) {
    lines.pop();
    const feedTitle = attributionMatch[1].trim();
    const publisher = feedTitle.split(/\s+[-–—|]\s+/)[0] ?? feedTitle;
    attribution = { line: last, publisher, feedTitle };
  }

  const seen = new Set<string>();
  const paragraphs: Paragraph[] = [];
  let duplicateLines = 0;
  let offset = 0;
  for (const line of lines) {
    if (seen.has(line)) {
      duplicateLines += 1;
      continue;
    }
    seen.add(line);
    paragraphs.push({ kind: classifyParagraph(line), text: line, offset });
    offset += line.length + 2;
  }
  const clean: CleanArticle = {
    text: paragraphs.map((paragraph) => paragraph.text).join('\n\n'),
    paragraphs,
    duplicateLines,
  };
  if (attribution) clean.attribution = attribution;
  return clean;
}
