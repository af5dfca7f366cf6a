import type { ReactNode } from 'react';
import { useText } from '../../i18n/use-text';
import { durationLabel } from './reading-time';

interface ReadingStatusProps {
  /** the chapter's name, or null outside any (before the first heading, or a text without) */
  chapter: string | null;
  /** "12%" or "Page 3 of 40", in the interface's language */
  position: string;
  minutesLeftInChapter: number | null;
  minutesLeftInBook: number;
  /**
   * Whether the text is a book (an EPUB): "left in chapter", "left in book". An article or a paper
   * is not called a book: "left in section", and the whole text's time alone.
   */
  isBook: boolean;
  /** a long book's chapter under the reader's eyes still arriving: "loading chapter 41 of 720…" */
  loading?: string | null;
  /** the Contents button (narrow reader) and Back (after a followed link) */
  children?: ReactNode;
}

/**
 * One quiet line under the text: where the reader is and how long is left. It is not a live
 * region (it changes with every scroll); a chapter change alone is announced, politely.
 */
export function ReadingStatus({ chapter, position, minutesLeftInChapter, minutesLeftInBook, isBook, loading = null, children }: ReadingStatusProps) {
  const text = useText();
  return (
    <footer className="reading-status">
      {children}
      <p className="reading-status-text">
        {chapter && (
          <span className="reading-status-chapter" dir="auto">
            {chapter}
          </span>
        )}
        <span>{position}</span>
        {minutesLeftInChapter !== null && (
          <span>{text(isBook ? 'book.status.leftInChapter' : 'book.status.leftInSection', { duration: durationLabel(minutesLeftInChapter, text) })}</span>
        )}
        <span>{text(isBook ? 'book.status.leftInBook' : 'book.status.leftInText', { duration: durationLabel(minutesLeftInBook, text) })}</span>
        {loading && <span className="reading-status-loading">{loading}</span>}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {chapter}
      </p>
    </footer>
  );
}
