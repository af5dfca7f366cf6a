const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words as a reader counts them, CJK included (where words are not separated by spaces). */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}
