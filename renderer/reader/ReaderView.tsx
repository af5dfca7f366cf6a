import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { ReaderDocument } from './ReaderDocument';
import { BACK_GLYPH } from './ReaderToolbar';
import type { ReaderTarget } from './reader-target';
import { useReaderData } from './use-reader-data';
import { useBookDom } from './book/use-book-dom';
import { BookOpening, canShowOpening } from './book/BookOpening';
import { useDrawerMode } from './use-reader-chrome';

interface ReaderViewProps {
  articleId: string;
  target: ReaderTarget | null;
  /** "Back to library", "Back to bookmarks"…: where the article was opened from */
  backLabel?: string;
  onBack: () => void;
}

/** The reader: loads the article, then shows it (or says why it cannot). */
export function ReaderView({ articleId, target, backLabel: givenBackLabel, onBack }: ReaderViewProps) {
  const data = useReaderData(articleId);
  const text = useText();
  const backLabel = givenBackLabel ?? text('reader.back.library');
  const drawerMode = useDrawerMode();
  // A long book's text is built in a task of its own first (book/use-book-dom.ts); "Loading…" meanwhile.
  const book = useBookDom(articleId, data.status === 'ready' ? data.content : null);
  if (data.status === 'ready' && book) {
    return <ReaderDocument key={articleId} data={{ ...data, content: book.content }} bookDom={book.dom} target={target} backLabel={backLabel} onBack={onBack} />;
  }
  // A long book's place is shown before its text arrives (book/BookOpening.tsx); not when the
  // reader is to open elsewhere (a search hit, a bookmark).
  const opening = target !== null ? null : data.status === 'ready' ? { article: data.article, content: data.content } : data.status === 'loading' ? data.opening : null;
  if (opening && canShowOpening(opening.article, opening)) {
    // Where the side panel will be a drawer, the text takes the whole width, as it will (reader.css).
    return (
      <main className="view reader-view" id="main" data-full-width={drawerMode ? '' : undefined}>
        <BackToolbar label={backLabel} onBack={onBack} />
        <BookOpening opening={opening} />
      </main>
    );
  }
  return (
    <main className="view reader-view reader-message" id="main">
      <BackToolbar label={backLabel} onBack={onBack} />
      {data.status !== 'error' ? (
        <p className="loading" role="status">
          <FormattedMessage id="reader.loading" />
        </p>
      ) : (
        <>
          <h1>
            <FormattedMessage id="reader.openFailed" />
          </h1>
          <p className="inline-error" role="alert">
            {data.message}
          </p>
        </>
      )}
    </main>
  );
}

/** The reader's toolbar while the article is not shown yet: only the way back. */
function BackToolbar({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <div className="reader-toolbar">
      <button type="button" className="button" onClick={onBack}>
        <span aria-hidden="true" className="glyph-pointing">{BACK_GLYPH}</span>
        {label}
      </button>
    </div>
  );
}
