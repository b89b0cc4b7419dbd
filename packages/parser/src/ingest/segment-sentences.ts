import type { Paragraph, Sentence } from './ingest-result.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits the article's paragraphs (captions excluded: they report no claims) into sentences. */
export function segmentSentences(paragraphs: readonly Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    if (paragraph.kind === 'caption') return;
    for (const { segment, index } of segmenter.segment(paragraph.text)) {
      const text = segment.trim();
      if (text === '') continue;
      const lead = segment.length - segment.trimStart().length;
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        text,
        offset: paragraph.offset + index + lead,
      });
    }
  });
  return sentences;
}
