import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, ArticleMeta, SearchHit } from '../electron/shared/models';
import type { ImportPickKind } from '../electron/shared/commands';
import type { MessageId } from '../electron/shared/i18n/catalogs';
import { FormattedMessage } from 'react-intl';
import { useText } from './i18n/use-text';
import { AppHeader, type AppSection } from './app/AppHeader';
import { useDesktop } from './app/desktop-context';
import { PreferencesDialog } from './app/PreferencesDialog';
import { useDesktopCommands, type AppDialog } from './app/use-desktop-commands';
import { usePreferencesShortcut } from './app/use-preferences-shortcut';
import { StatusRegion } from './app/status-context';
import { DropOverlay } from './library/DropOverlay';
import { ImportUrlDialog } from './library/ImportUrlDialog';
import { LibraryView } from './library/LibraryView';
import { TrashView } from './library/TrashView';
import type { PickedFile } from './library/dropped-files';
import { useFileDrop } from './library/use-file-drop';
import { usePasteImport } from './library/use-paste-import';
import { useImport } from './library/use-import';
import type { ReaderTarget } from './reader/reader-target';
import { LibraryHealthNotice } from './app/use-library-health';
import { ViewErrorBoundary } from './app/ViewErrorBoundary';
import { BookmarksView, NotesView, ReaderView } from './app/later-views';

type View =
  | { name: 'library'; focusArticleId: string | null; reopenSearch?: true }
  | { name: 'trash' }
  | { name: 'bookmarks' }
  | { name: 'notes' }
  | { name: 'reader'; articleId: string; target: ReaderTarget | null; visit: number; from: ReaderOrigin };

/** The reader, as asked for: `visit` is added when it opens. */
type ReaderRequest = Omit<Extract<View, { name: 'reader' }>, 'visit'>;

/** Where the reader was opened from, and where Back (Escape, Alt+←) returns to. */
type ReaderOrigin = 'library' | 'search' | 'bookmarks' | 'notes';
const BACK_LABELS: Record<ReaderOrigin, MessageId> = {
  library: 'reader.back.library',
  // The results open again over the library, with the same query and filters.
  search: 'reader.back.library',
  bookmarks: 'reader.back.bookmarks',
  notes: 'reader.back.notes',
};

/** The header's search box: focusing it opens its results again. */
const focusLibrarySearch = () => document.querySelector<HTMLInputElement>('.app-header [role="search"] input')?.focus();

/** Moves focus to the view without touching the URL (hash changes count as navigation). */
function skipToContent(event: React.MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('main');
  if (!main) return;
  main.tabIndex = -1;
  main.focus();
}

/** The app shell: header with search and import, one view at a time, messages, drop overlay. */
export function App() {
  const text = useText();
  const [view, setView] = useState<View>({ name: 'library', focusArticleId: null });
  useEffect(() => {
    if (view.name === 'library' && view.reopenSearch) focusLibrarySearch();
  }, [view]);
  // First view: leave focus where the browser put it. After any navigation: move it to the view.
  const [navigated, setNavigated] = useState(false);
  const importState = useImport();
  const { importFiles, importUrl, importPaths } = importState;
  const desktop = useDesktop();
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const openPreferences = useCallback(() => setDialog('preferences'), []);
  usePreferencesShortcut(!desktop, openPreferences);

  const go = useCallback((next: View) => {
    setNavigated(true);
    setView(next);
  }, []);
  // The reader takes its article, target and find state when it opens, so each opening is a new
  // visit (a search hit in the article already open starts again at that passage). A count of
  // openings, not a clock: two in the same millisecond are still two.
  const visits = useRef(0);
  const openReader = useCallback(
    (request: ReaderRequest) => {
      visits.current += 1;
      go({ ...request, visit: visits.current });
    },
    [go],
  );

  // The summary shows in the library, so an import from elsewhere goes there.
  const showLibrary = useCallback(
    () => setView((current) => (current.name === 'library' ? current : { name: 'library', focusArticleId: null })),
    [],
  );
  const startImport = useCallback(
    (files: readonly (File | PickedFile)[]) => {
      showLibrary();
      void importFiles(files);
    },
    [importFiles, showLibrary],
  );
  const startUrlImport = useCallback(
    (url: string) => {
      showLibrary();
      void importUrl(url);
    },
    [importUrl, showLibrary],
  );
  const dragging = useFileDrop(startImport, importState.prepare);
  usePasteImport(startUrlImport, (file) => startImport([file]));

  // The desktop app: the system's open dialog, and paths imported as a background job.
  const chooseImport = useCallback(
    (kind: ImportPickKind) => {
      if (!desktop) return;
      void desktop.chooseImportPaths(kind).then((paths) => {
        if (paths.length === 0) return;
        showLibrary();
        importPaths(paths);
      });
    },
    [desktop, importPaths, showLibrary],
  );
  useDesktopCommands({
    inReader: view.name === 'reader',
    chooseImport,
    openDialog: setDialog,
    openFiles: (paths) => {
      showLibrary();
      importPaths(paths, { onFirstArticle: (articleId) => openReader({ name: 'reader', articleId, target: null, from: 'library' }) });
    },
    openArticle: (articleId, { passage, annotationId }) =>
      openReader({
        name: 'reader',
        articleId,
        target: passage || annotationId ? { passage, terms: [], annotationId } : null,
          from: view.name === 'bookmarks' || view.name === 'notes' ? view.name : 'library',
      }),
  });

  const openArticle = (article: ArticleMeta) =>
    openReader({ name: 'reader', articleId: article.id, target: null, from: 'library' });
  const openHit = (hit: SearchHit) =>
    openReader({
      name: 'reader',
      articleId: hit.articleId,
      target: { passage: hit.passage, terms: hit.terms, annotationId: hit.annotationId },
      from: 'search',
    });
  const backFrom = (articleId: string, from: ReaderOrigin) => {
    if (from === 'bookmarks' || from === 'notes') go({ name: from });
    else if (from === 'search') go({ name: 'library', focusArticleId: null, reopenSearch: true });
    else go({ name: 'library', focusArticleId: articleId });
  };
  const showSection = (section: AppSection) =>
    go(section === 'library' ? { name: 'library', focusArticleId: null } : { name: section });
  // From the Bookmarks and Notes views: the reader at the passage (or the article, when unplaced).
  const openAnnotation = (annotation: Annotation) =>
    openReader({
      name: 'reader',
      articleId: annotation.articleId,
      target:
        annotation.target && annotation.anchorState !== 'unplaced'
          ? { passage: { start: annotation.target.position.start, end: annotation.target.position.end }, terms: [], annotationId: annotation.id }
          : null,
      from: view.name === 'notes' ? 'notes' : 'bookmarks',
    });

  const backToLibrary = () => go({ name: 'library', focusArticleId: null });
  const section: AppSection | null = view.name === 'reader' ? null : view.name;
  return (
    <div className={`app app-${view.name}`}>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        <FormattedMessage id="app.skipToContent" />
      </a>
      <AppHeader
        section={section}
        onSection={showSection}
        onOpenHit={openHit}
        onImport={startImport}
        onChooseImport={desktop ? chooseImport : undefined}
        onPrepareImport={importState.prepare}
        importing={importState.progress !== null}
        onPreferences={openPreferences}
      />
      {view.name === 'library' && (
        <ViewErrorBoundary region="main" onBackToLibrary={backToLibrary}>
          <LibraryView
            importState={importState}
            onOpen={openArticle}
            focusArticleId={view.focusArticleId}
            takeFocus={navigated && !view.reopenSearch}
          />
        </ViewErrorBoundary>
      )}
      {view.name === 'trash' && (
        <ViewErrorBoundary region="main" onBackToLibrary={backToLibrary}>
          <TrashView takeFocus={navigated} />
        </ViewErrorBoundary>
      )}
      {view.name === 'bookmarks' && (
        <ViewErrorBoundary region="main" onBackToLibrary={backToLibrary}>
          <BookmarksView takeFocus={navigated} onOpen={openAnnotation} />
        </ViewErrorBoundary>
      )}
      {view.name === 'notes' && (
        <ViewErrorBoundary region="main" onBackToLibrary={backToLibrary}>
          <NotesView takeFocus={navigated} onOpen={openAnnotation} />
        </ViewErrorBoundary>
      )}
      {view.name === 'reader' && (
        <div className="reader-layout">
          {/* Keyed per visit: each opening starts a fresh reader and boundary. */}
          <ViewErrorBoundary key={`${view.articleId}:${view.visit}`} region="main" onBackToLibrary={backToLibrary}>
            <ReaderView
              articleId={view.articleId}
              target={view.target}
              backLabel={text(BACK_LABELS[view.from])}
              onBack={() => backFrom(view.articleId, view.from)}
            />
          </ViewErrorBoundary>
        </div>
      )}
      <StatusRegion />
      <LibraryHealthNotice />
      {dragging && <DropOverlay />}
      {dialog === 'preferences' && <PreferencesDialog onClose={() => setDialog(null)} />}
      {dialog === 'import-url' && (
        <ImportUrlDialog
          onCancel={() => setDialog(null)}
          onImport={(url) => {
            setDialog(null);
            startUrlImport(url);
          }}
        />
      )}
    </div>
  );
}
