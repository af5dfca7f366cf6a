/** A long book's chapters (`ArticleContent.chapters`), as the core and the reader both look them up. */

/** The index of the chapter holding `offset` of the text: the last one starting at or before it (0 before the first). */
export function chapterHolding(chapters: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = chapters.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (chapters[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}
