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
  /** a long book's chapter under the reader's eyes still arriving: "loading chapter 41 of 720…" */
  loading?: string | null;
  /** the Contents button (narrow reader) and Back (after a followed link) */
  children?: ReactNode;
}

/**
 * One quiet line under the text: where the reader is and how long is left. It is not a live
 * region (it changes with every scroll); a chapter change alone is announced, politely.
 */
export function ReadingStatus({ chapter, position, minutesLeftInChapter, minutesLeftInBook, loading = null, children }: ReadingStatusProps) {
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
        {minutesLeftInChapter !== null && <span>{text('book.status.leftInChapter', { duration: durationLabel(minutesLeftInChapter, text) })}</span>}
        <span>{text('book.status.leftInBook', { duration: durationLabel(minutesLeftInBook, text) })}</span>
        {loading && <span className="reading-status-loading">{loading}</span>}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {chapter}
      </p>
    </footer>
  );
}
