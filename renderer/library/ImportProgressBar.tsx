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
  const text = useText();
  const counts = { done: progress.done, total: progress.total };
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
      <progress className="import-progress-bar" max={progress.total} value={progress.done} aria-label={text('importProgress.bar')} />
      <p className="import-progress-detail">
        <span className="import-progress-file" title={progress.current}>
          {progress.current}
        </span>
        <span>
          {text('importProgress.elapsed', { time: clockLabel(elapsed) })}
          {remaining !== null && text('importProgress.left', { time: clockLabel(remaining) })}
        </span>
      </p>
    </section>
  );
}
