import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useApi } from '../../api/api-context';
import { useText } from '../../i18n/use-text';
import { coreSentenceText } from '../../i18n/core-sentence';
import { readFileBase64 } from '../../library/read-file-base64';

interface PdfOriginalMissingProps {
  articleId: string;
  /** the file is back: open the pages again */
  onRestored: () => void;
  onShowText: () => void;
}

/**
 * A PDF whose folder holds no original: one sentence, and a way to give it back. Importing the
 * same PDF again keeps its bytes for this article (its text, notes and highlights stay as they
 * are); another PDF becomes an article of its own.
 */
export function PdfOriginalMissing({ articleId, onRestored, onShowText }: PdfOriginalMissingProps) {
  const api = useApi();
  const text = useText();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const result = await api.importDocument({ fileName: file.name, dataBase64: await readFileBase64(file) });
    setBusy(false);
    if (!result.ok) return setProblem(coreSentenceText(text, result.error));
    const outcome = result.value;
    if (outcome.status === 'failed' || outcome.status === 'skipped') return setProblem(coreSentenceText(text, outcome));
    if (outcome.article.id === articleId) return onRestored();
    setProblem(text('pdf.missing.otherFile'));
  };
  return (
    <div className="pdf-view pdf-view-message">
      <p>
        <FormattedMessage id="pdf.missing.explanation" />
      </p>
      <p>
        <label className="button">
          {text(busy ? 'pdf.missing.importing' : 'pdf.missing.import')}
          <input
            type="file"
            accept=".pdf,application/pdf"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label> <button type="button" className="button" onClick={onShowText}>
          <FormattedMessage id="pdf.showText" />
        </button>
      </p>
      {problem && (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      )}
    </div>
  );
}
