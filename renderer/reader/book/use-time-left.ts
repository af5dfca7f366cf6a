/**
 * The time left in the chapter and in the book from the reader's place. An article's words are
 * found once in its whole text; a long book read in chapters has its chapters' words counted at
 * import, so only the chapter being read is looked through (finding every word of a million-word
 * book took longer than a frame).
 */
import { useMemo } from 'react';
import type { BookChapter } from '../../../electron/shared/models';
import { chapterEnd, type Chapter } from './chapters';
import { chapterHolding } from './chapter-units';
import { minutesFor, wordsBefore, wordStarts } from './reading-time';

export function useTimeLeft(
  text: string,
  bookChapters: readonly BookChapter[] | null,
  chapters: readonly Chapter[],
  current: number,
  offset: number,
): { minutesLeftInChapter: number | null; minutesLeftInBook: number } {
  const words = useMemo(() => (bookChapters ? null : wordStarts(text)), [bookChapters, text]);
  const held = bookChapters ? chapterHolding(bookChapters, offset) : -1;
  const heldChapter = bookChapters?.[held];
  const wordsInHeld = useMemo(() => (heldChapter ? wordStarts(text.slice(heldChapter.start, heldChapter.end)) : null), [heldChapter, text]);
  const wordsAfterHeld = useMemo(() => (bookChapters ? bookChapters.slice(held + 1).reduce((sum, chapter) => sum + chapter.words, 0) : 0), [bookChapters, held]);
  if (words) {
    const before = wordsBefore(words, offset);
    return {
      minutesLeftInChapter: current >= 0 ? minutesFor(wordsBefore(words, chapterEnd(chapters, current, text.length)) - before) : null,
      minutesLeftInBook: minutesFor(words.length - before),
    };
  }
  const leftInHeld = wordsInHeld && heldChapter ? wordsInHeld.length - wordsBefore(wordsInHeld, offset - heldChapter.start) : 0;
  return { minutesLeftInChapter: heldChapter ? minutesFor(leftInHeld) : null, minutesLeftInBook: minutesFor(leftInHeld + wordsAfterHeld) };
}
