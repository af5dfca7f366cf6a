import { useEffect, useRef } from 'react';
import type { ImportOutcome } from '../../electron/shared/models';

type Outcome<S extends ImportOutcome['status']> = Extract<ImportOutcome, { status: S }>;

interface ImportSummaryProps {
  outcomes: ImportOutcome[];
  /** files never started because the import was cancelled */
  notStarted?: number;
  onDismiss: () => void;
}

/** What an import did: imported N, already in the library M (with titles), failed K (with why). */
export function ImportSummary({ outcomes, notStarted = 0, onDismiss }: ImportSummaryProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const imported = outcomes.filter((o): o is Outcome<'imported'> => o.status === 'imported');
  const duplicates = outcomes.filter((o): o is Outcome<'duplicate'> => o.status === 'duplicate');
  const failed = outcomes.filter((o): o is Outcome<'failed'> => o.status === 'failed');

  return (
    <section className="import-summary" aria-labelledby="import-summary-heading">
      <div className="import-summary-head">
        <h2 id="import-summary-heading" tabIndex={-1} ref={heading}>
          {notStarted > 0 ? 'Import cancelled' : 'Import finished'}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
          Dismiss summary
        </button>
      </div>
      <p className="import-summary-counts">
        Imported {imported.length} · Already in library {duplicates.length} · Failed {failed.length}
        {notStarted > 0 && ` · Not imported (cancelled) ${notStarted}`}
      </p>
      {imported.length > 0 && (
        <>
          <h3>Imported ({imported.length})</h3>
          <ul className="import-list">
            {imported.map((outcome) => (
              <li key={outcome.source + outcome.article.id}>{outcome.article.title}</li>
            ))}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>Already in library ({duplicates.length})</h3>
          <ul className="import-list">
            {duplicates.map((outcome) => (
              <li key={outcome.source + outcome.article.id}>
                {outcome.source}: already in your library as “{outcome.article.title}”
              </li>
            ))}
          </ul>
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3>Failed ({failed.length})</h3>
          <ul className="import-list import-list-failed">
            {failed.map((outcome, index) => (
              <li key={`${outcome.source}-${index}`}>
                <span className="import-source">{outcome.source}</span>: {outcome.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
