import { useEffect, useState } from 'react';
import type { ImportProgress } from './import-report';
import { estimateRemainingMs } from './use-import';

/** "0:07", "12:03" */
export function clockLabel(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The running import: a progress bar with the count, the current file, time elapsed and left,
 * and Cancel. The words are a polite live region so a screen reader hears progress without
 * being interrupted at every file.
 */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - progress.startedAt);
  const remaining = estimateRemainingMs(progress);
  return (
    <section className="import-progress" aria-label="Import in progress">
      <div className="import-progress-head">
        <p className="import-progress-count" role="status">
          {progress.cancelling ? 'Cancelling… ' : 'Importing '}
          {progress.done} of {progress.total}
        </p>
        <button type="button" className="button button-small" onClick={onCancel} disabled={progress.cancelling}>
          Cancel import
        </button>
      </div>
      <progress className="import-progress-bar" max={progress.total} value={progress.done} aria-label="Files imported" />
      <p className="import-progress-detail">
        <span className="import-progress-file" title={progress.current}>
          {progress.current}
        </span>
        <span>
          {clockLabel(elapsed)} elapsed
          {remaining !== null && ` · about ${clockLabel(remaining)} left`}
        </span>
      </p>
    </section>
  );
}
