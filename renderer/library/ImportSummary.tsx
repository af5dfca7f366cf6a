import { useEffect, useRef } from 'react';
import type { ImportReport } from './import-report';

interface ImportSummaryProps {
  report: ImportReport;
  onDismiss: () => void;
}

/** What an import did: imported N, already in the library M (with titles), failed K (with why). */
export function ImportSummary({ report, onDismiss }: ImportSummaryProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const { counts, imported, duplicates, failed, notStarted } = report;
  // A job lists the first 100 imported articles only; the count is always complete.
  const unlisted = counts.imported - imported.length;

  return (
    <section className="import-summary" aria-labelledby="import-summary-heading">
      <div className="import-summary-head">
        <h2 id="import-summary-heading" tabIndex={-1} ref={heading}>
          {report.cancelled ? 'Import cancelled' : 'Import finished'}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
          Dismiss summary
        </button>
      </div>
      <p className="import-summary-counts">
        Imported {counts.imported} · Already in library {counts.duplicates} · Failed {counts.failed}
        {notStarted > 0 && ` · Not imported (cancelled) ${notStarted}`}
        {counts.skipped > 0 &&
          ` · Not documents, left out ${counts.skipped} (${report.skipped.map((s) => `${s.extension || 'no extension'} ${s.count}`).join(', ')})`}
      </p>
      {imported.length > 0 && (
        <>
          <h3>Imported ({counts.imported})</h3>
          <ul className="import-list">
            {imported.map((entry) => (
              <li key={entry.source + entry.articleId}>
                {entry.title}
                {entry.note && <span className="import-note">: {entry.note}</span>}
              </li>
            ))}
            {unlisted > 0 && <li>… and {unlisted.toLocaleString()} more</li>}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>Already in library ({duplicates.length})</h3>
          <ul className="import-list">
            {duplicates.map((entry) => (
              <li key={entry.source + entry.articleId}>
                {entry.source}: already in your library as “{entry.title}”
              </li>
            ))}
          </ul>
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3>Failed ({failed.length})</h3>
          <ul className="import-list import-list-failed">
            {failed.map((entry, index) => (
              <li key={`${entry.source}-${index}`}>
                <span className="import-source">{entry.source}</span>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
