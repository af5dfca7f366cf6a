/**
 * The views the page opens after the library, loaded as files of their own: the reader (with
 * books, PDF pages, read-aloud), the Bookmarks and Notes views, and the Markdown renderer their
 * notes share were a quarter of the script the page parses before it can ask for the library. They
 * are loaded once the library is on screen (`loadLaterViews`), so that opening one does not wait;
 * a view opened sooner shows once its file is in (each comes with its own `<Suspense>`, rendered
 * inside the view's error boundary), and a file that cannot be loaded fails into that boundary
 * like any other failure of the view.
 *
 * Not at the moment the list arrives, but once the page is idle after it (`loadLaterViewsWhenIdle`):
 * loading a module adds its stylesheet and preload links to the document, which makes the browser
 * compute the styles of the whole page again, and run then, that delayed the list's first frame.
 */
import { lazy, Suspense, type ComponentType } from 'react';

const readerModule = () => import('../reader/ReaderView');
const bookmarksModule = () => import('../bookmarks/BookmarksView');
const notesModule = () => import('../notes/NotesView');

/** A view from a file of its own: nothing in its place until the file is in. */
function later<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Lazy = lazy(() => load().then((view) => ({ default: view })));
  return function LaterView(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const ReaderView = later(() => readerModule().then((module) => module.ReaderView));
export const BookmarksView = later(() => bookmarksModule().then((module) => module.BookmarksView));
export const NotesView = later(() => notesModule().then((module) => module.NotesView));

let loadingLater = false;

/**
 * Loads the later views' files in the background, once: the browser keeps each module, so a view
 * opened afterwards renders at once. A file that fails to load here is tried again when its view
 * opens.
 */
export function loadLaterViews(): void {
  if (loadingLater) return;
  loadingLater = true;
  for (const load of [readerModule, bookmarksModule, notesModule]) load().catch(() => undefined);
}

/** How long the later views wait at most for an idle moment (a page busy for that long loads them anyway). */
const IDLE_WAIT_MS = 2000;

/** `loadLaterViews` once the page is idle (after the frame being drawn); returns a cancel. */
export function loadLaterViewsWhenIdle(): () => void {
  // Chromium (the app, browser mode) has requestIdleCallback; a DOM without it (jsdom) gets a timer.
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(loadLaterViews, { timeout: IDLE_WAIT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(loadLaterViews, 0);
  return () => window.clearTimeout(timer);
}
