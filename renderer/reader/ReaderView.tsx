import { ReaderDocument } from './ReaderDocument';
import type { ReaderTarget } from './reader-target';
import { useReaderData } from './use-reader-data';

interface ReaderViewProps {
  articleId: string;
  target: ReaderTarget | null;
  /** "Back to library", "Back to bookmarks"…: where the article was opened from */
  backLabel?: string;
  onBack: () => void;
}

/** The reader: loads the article, then shows it (or says why it cannot). */
export function ReaderView({ articleId, target, backLabel = 'Back to library', onBack }: ReaderViewProps) {
  const data = useReaderData(articleId);
  if (data.status === 'ready') {
    return <ReaderDocument key={articleId} data={data} target={target} backLabel={backLabel} onBack={onBack} />;
  }
  return (
    <main className="view reader-view reader-message" id="main">
      <div className="reader-toolbar">
        <button type="button" className="button" onClick={onBack}>
          <span aria-hidden="true" className="glyph-pointing">← </span>
          {backLabel}
        </button>
      </div>
      {data.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the article…
        </p>
      ) : (
        <>
          <h1>This article could not be opened</h1>
          <p className="inline-error" role="alert">
            {data.message}
          </p>
        </>
      )}
    </main>
  );
}
