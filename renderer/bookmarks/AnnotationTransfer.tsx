import { FormattedMessage } from 'react-intl';
import { coreSentenceText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';
import { useId, useRef, useState } from 'react';
import type { AnnotationExportFormat, AnnotationImportSummary } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';
import { downloadBase64, downloadText } from '../reader/download-file';
import { importSummaryText, MAX_IMPORT_FILE_BYTES } from './import-summary';

interface AnnotationTransferProps {
  /** false while the library has no bookmark or note: an empty export helps nobody */
  canExport: boolean;
}

type Outcome = { kind: 'summary'; summary: AnnotationImportSummary } | { kind: 'error'; message: string } | null;

/**
 * "Export all" (Markdown as a .zip of one file per article, or one W3C Web Annotation file) and
 * "Import annotations…" (a W3C file as exported), with the import's outcome in a status region
 * that is always in the page, so screen readers announce what changes in it.
 */
export function AnnotationTransfer({ canExport }: AnnotationTransferProps) {
  const api = useApi();
  const text = useText();
  const { notify, reportError } = useStatus();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingId = useId();

  const exportAll = async (format: AnnotationExportFormat) => {
    setBusy(true);
    const result = await api.exportLibraryAnnotations(format);
    setBusy(false);
    if (!result.ok) {
      reportError(text('transfer.exportFailed', { reason: coreSentenceText(text, result.error) }));
      return;
    }
    const file = result.value;
    if ('dataBase64' in file) downloadBase64(file.fileName, file.mediaType, file.dataBase64);
    else downloadText(file.fileName, file.mediaType, file.text);
    notify(text('transfer.exported', { file: file.fileName }));
  };

  const importFile = async (file: File) => {
    // Checked here so that the user reads a sentence, not the contract's argument check.
    if (file.size === 0) return setOutcome({ kind: 'error', message: text('transfer.emptyFile', { file: file.name }) });
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      return setOutcome({ kind: 'error', message: text('transfer.tooLarge', { file: file.name, megabytes: MAX_IMPORT_FILE_BYTES / 1024 / 1024 }) });
    }
    setBusy(true);
    const result = await api.importAnnotations(await file.text());
    setBusy(false);
    if (!result.ok) return setOutcome({ kind: 'error', message: coreSentenceText(text, result.error) });
    // The views list the annotations again by themselves: the API refreshes them after the import.
    setOutcome({ kind: 'summary', summary: result.value });
  };

  return (
    <section className="annotation-transfer" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        <FormattedMessage id="transfer.heading" />
      </h2>
      <div className="annotation-transfer-actions">
        <div role="group" aria-label={text('transfer.exportAllGroup')} className="annotation-transfer-group">
          <span aria-hidden="true">
            <FormattedMessage id="transfer.exportAll" />
          </span>
          <button type="button" className="button button-quiet button-small" disabled={busy || !canExport} onClick={() => void exportAll('markdown')}>
            <FormattedMessage id="transfer.markdownZip" />
          </button>
          <button type="button" className="button button-quiet button-small" disabled={busy || !canExport} onClick={() => void exportAll('w3c')}>
            <FormattedMessage id="transfer.webAnnotation" />
          </button>
        </div>
        <button type="button" className="button button-small" disabled={busy} onClick={() => fileInput.current?.click()}>
          <FormattedMessage id="transfer.import" />
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // the same file can be picked again
            if (file) void importFile(file);
          }}
        />
      </div>
      <div role="status" className="annotation-transfer-status">
        {outcome?.kind === 'error' && <p className="inline-error">{outcome.message}</p>}
        {outcome?.kind === 'summary' && (
          <>
            <p>{importSummaryText(outcome.summary, text)}</p>
            {outcome.summary.skipped.length > 0 && (
              <ul className="skipped-reasons" aria-label={text('transfer.skipped')}>
                {outcome.summary.skipped.map((reason, index) => (
                  // Two skipped items can have the same reason: their place is their identity.
                  <li key={index}>{coreSentenceText(text, { reason, sentence: outcome.summary.skippedSentences[index] })}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
