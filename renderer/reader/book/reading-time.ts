/**
 * Time left while reading: the words between the reader's place and the end of the chapter or of
 * the book, at the reading speed the library's "min read" uses (one speed for both).
 */
import { READING_SPEED } from '../../library/article-format';
import type { Text } from '../../i18n/use-text';

/** Where each word of the text starts, in order: counting the words before an offset is a binary search. */
export function wordStarts(text: string): Uint32Array {
  const starts: number[] = [];
  // A run of letters or digits outside the scripts written without spaces, or one character of
  // those (Chinese, Japanese): roughly what a reader's eye takes in as one step.
  const word = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
  for (let match = word.exec(text); match; match = word.exec(text)) starts.push(match.index);
  return Uint32Array.from(starts);
}

/** The number of words that start before `offset`. */
export function wordsBefore(starts: Uint32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Minutes to read `words` words, rounded as the library's "min read" is (so a book opened at its
 * start has as long left as the library said), and a few words left are "1 min", not nothing.
 */
export function minutesFor(words: number): number {
  return words <= 0 ? 0 : Math.max(1, Math.round(words / READING_SPEED));
}

/** "45 min", "2 h 5 min", "less than a minute" in the interface's language. */
export function durationLabel(minutes: number, text: Text): string {
  if (minutes <= 0) return text('book.duration.lessThanMinute');
  if (minutes < 60) return text('book.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? text('book.duration.hours', { hours }) : text('book.duration.hoursMinutes', { hours, minutes: rest });
}
