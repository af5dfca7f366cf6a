import { FormattedMessage } from 'react-intl';
import { coreSentenceText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';
import { useState } from 'react';
import type { AnnotationExportFormat } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';
import { downloadText } from './download-file';

/** Downloads the article's bookmarks and notes as Markdown or W3C Web Annotation JSON. */
export function AnnotationExport({ articleId }: { articleId: string }) {
  const api = useApi();
  const text = useText();
  const { notify, reportError } = useStatus();
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: AnnotationExportFormat) => {
    setBusy(true);
    const result = await api.exportAnnotations(articleId, format);
    setBusy(false);
    if (!result.ok) {
      reportError(text('transfer.exportFailed', { reason: coreSentenceText(text, result.error) }));
      return;
    }
    downloadText(result.value.fileName, result.value.mediaType, result.value.text);
    notify(text('transfer.exported', { file: result.value.fileName }));
  };

  return (
    <div className="annotation-export" role="group" aria-label={text('export.group')}>
      <span className="annotation-export-label" aria-hidden="true">
        <FormattedMessage id="export.label" />
      </span>
      {/* The formats wrap as a column of their own, so a narrow panel lines them up under each other beside the label. */}
      <span className="annotation-export-formats">
        <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void exportAs('markdown')}>
          <FormattedMessage id="export.markdown" />
        </button>
        <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void exportAs('w3c')}>
          <FormattedMessage id="transfer.webAnnotation" />
        </button>
      </span>
    </div>
  );
}
