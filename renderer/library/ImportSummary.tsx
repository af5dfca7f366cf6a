import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useEffect, useRef } from 'react';
import type { ImportReport } from './import-report';

interface ImportSummaryProps {
  report: ImportReport;
  onDismiss: () => void;
}

/** What an import did: imported N, already in the library M (with titles), failed K (with why). */
export function ImportSummary({ report, onDismiss }: ImportSummaryProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const text = useText();
  useEffect(() => heading.current?.focus(), []);

  const { counts, imported, duplicates, failed, notStarted } = report;
  // A job lists the first 100 imported articles only; the count is always complete.
  const unlisted = counts.imported - imported.length;

  return (
    <section className="import-summary" aria-labelledby="import-summary-heading">
      <div className="import-summary-head">
        <h2 id="import-summary-heading" tabIndex={-1} ref={heading}>
          {text(report.cancelled ? 'importSummary.cancelled' : 'importSummary.finished')}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
          <FormattedMessage id="importSummary.dismiss" />
        </button>
      </div>
      <p className="import-summary-counts">
        {text('importSummary.counts', { imported: counts.imported, duplicates: counts.duplicates, failed: counts.failed })}
        {notStarted > 0 && text('importSummary.notStarted', { count: notStarted })}
        {counts.skipped > 0 &&
          text('importSummary.skipped', {
            count: counts.skipped,
            kinds: report.skipped
              .map((s) => text('importSummary.skippedKind', { extension: s.extension || text('importSummary.noExtension'), count: s.count }))
              .join(', '),
          })}
      </p>
      {imported.length > 0 && (
        <>
          <h3>{text('importSummary.imported', { count: counts.imported })}</h3>
          <ul className="import-list">
            {imported.map((entry) => (
              <li key={entry.source + entry.articleId}>
                {/* The title in its own direction, the line in the interface's (its marker at the start). */}
                <bdi>{entry.title}</bdi>
                {entry.note && (
                  <span className="import-note">{text('importSummary.note', { note: coreSentenceText(text, { message: entry.note, sentence: entry.noteSentence }) })}</span>
                )}
              </li>
            ))}
            {unlisted > 0 && <li>{text('importSummary.more', { count: unlisted })}</li>}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>{text('importSummary.duplicates', { count: duplicates.length })}</h3>
          <ul className="import-list">
            {duplicates.map((entry) => (
              <li key={entry.source + entry.articleId}>
                <FormattedMessage
                  id="importSummary.duplicate"
                  values={{ source: <bdi className="import-source">{entry.source}</bdi>, title: <bdi>{entry.title}</bdi> }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3>{text('importSummary.failed', { count: failed.length })}</h3>
          <ul className="import-list import-list-failed">
            {failed.map((entry, index) => (
              <li key={`${entry.source}-${index}`}>
                <FormattedMessage
                  id="importSummary.failure"
                  values={{ source: <bdi className="import-source">{entry.source}</bdi>, reason: <bdi>{coreSentenceText(text, entry)}</bdi> }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
