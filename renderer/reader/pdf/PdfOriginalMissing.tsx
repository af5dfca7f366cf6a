import { useState } from 'react';
import { useApi } from '../../api/api-context';
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
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const result = await api.importDocument({ fileName: file.name, dataBase64: await readFileBase64(file) });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    const outcome = result.value;
    if (outcome.status === 'failed' || outcome.status === 'skipped') return setProblem(outcome.reason);
    if (outcome.article.id === articleId) return onRestored();
    setProblem('That file is not this PDF (its text differs); it is in your library as an article of its own.');
  };
  return (
    <div className="pdf-view pdf-view-message">
      <p>Quire has no copy of this PDF&apos;s file, so its pages cannot be shown. Import the same PDF again to see them; its text, highlights and notes stay as they are.</p>
      <p>
        <label className="button">
          {busy ? 'Importing the PDF…' : 'Import the PDF again…'}
          <input
            type="file"
            accept=".pdf,application/pdf"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>{' '}
        <button type="button" className="button" onClick={onShowText}>
          Show the text
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
