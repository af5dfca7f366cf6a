import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useEffect, useState } from 'react';
import type { ImportProgress } from './import-report';
import { estimateRemainingMs } from './use-import';

/** "0:07", "12:03" */
export function clockLabel(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The file's name, without the folders (a job reports whole paths). */
const baseName = (source: string): string => source.split(/[\\/]/).pop() || source;

/**
 * Where the bar stands: files done, plus how far into the current file when it is a long one that
 * says (a book read chapter by chapter), so a single large book moves the bar as it is read.
 */
export function barValue({ done, total, reading }: Pick<ImportProgress, 'done' | 'total' | 'reading'>): number {
  const within = reading && done < total ? (reading.part - 1) / reading.parts : 0;
  return Math.min(total, done + within);
}

/**
 * The running import: a progress bar with the count, the current file (and, for a long one, the
 * chapter or page being read), time elapsed and left, and Cancel. The count is a polite live
 * region so a screen reader hears progress without being interrupted at every file; the chapter
 * is not in it (it changes several times a second), but in the bar's value text, read when the
 * bar is looked at.
 */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - progress.startedAt);
  const remaining = estimateRemainingMs(progress);
  const text = useText();
  const counts = { done: progress.done, total: progress.total };
  const { reading } = progress;
  const name = baseName(progress.current);
  const readingText = reading && text('importProgress.reading', { ...reading });
  return (
    <section className="import-progress" aria-label={text('importProgress.label')}>
      <div className="import-progress-head">
        <p className="import-progress-count" role="status">
          {text(progress.cancelling ? 'importProgress.cancelling' : 'importProgress.importing', counts)}
        </p>
        <button type="button" className="button button-small" onClick={onCancel} disabled={progress.cancelling}>
          <FormattedMessage id="importProgress.cancel" />
        </button>
      </div>
      <progress
        className="import-progress-bar"
        max={progress.total}
        value={barValue(progress)}
        aria-label={text('importProgress.bar')}
        aria-valuetext={reading ? text('importProgress.barReading', { ...counts, ...reading, name }) : text('importProgress.barValue', counts)}
      />
      <p className="import-progress-detail">
        <span className="import-progress-now">
          <span className="import-progress-file" title={progress.current}>
            {progress.current}
          </span>
          {readingText && (
            <>
              {/* a space for text readers; the flex gap sets the two apart on screen */}{' '}
              <span className="import-progress-part">{readingText}</span>
            </>
          )}
        </span>
        <span>
          {text('importProgress.elapsed', { time: clockLabel(elapsed) })}
          {remaining !== null && text('importProgress.left', { time: clockLabel(remaining) })}
        </span>
      </p>
    </section>
  );
}
