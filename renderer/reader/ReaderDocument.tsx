import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Annotation, HighlightColor } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { useSettings } from '../app/settings-context';
import { useAppCommand } from '../app/use-app-command';
import { handleContentLinkClick } from '../app/external-links';
import { AnnotationDialog, type AnnotationDraft } from './AnnotationDialog';
import { AnnotationPanel } from './AnnotationPanel';
import { FindBar } from './find/FindBar';
import { ArticleHeader } from './ArticleHeader';
import { prepareArticleHtml } from './article-html';
import { placeAnnotations } from './placed-annotations';
import { measureReadingProgress, scrollToTextOffset } from './reading-position';
import type { ReaderTarget } from './reader-target';
import { SearchMatchBar } from './SearchMatchBar';
import { SelectionToolbar } from './SelectionToolbar';
import { TableOfContents } from './TableOfContents';
import { READER_KEYS_HINT, useReaderKeys } from './use-reader-keys';
import { detectDirection } from './text-direction';
import { findTermMatches, initialMatchIndex } from './term-matches';
import type { TextSpan } from './text-offsets';
import { useAnnotations } from './use-annotations';
import { useFindInArticle } from './find/use-find-in-article';
import { annotationMarks, useHighlightMarks } from './use-highlight-marks';
import { usePassageSelection } from './use-passage-selection';
import type { ReaderData } from './use-reader-data';
import { useReadingPosition } from './use-reading-position';
import { ReaderToolbar } from './ReaderToolbar';
import { useReaderChrome } from './use-reader-chrome';

interface DialogState {
  draft: AnnotationDraft;
  /** the passage of a new annotation */
  passage: TextSpan | null;
  /** the annotation being edited */
  annotation: Annotation | null;
}

interface ReaderDocumentProps {
  data: Extract<ReaderData, { status: 'ready' }>;
  target: ReaderTarget | null;
  backLabel: string;
  onBack: () => void;
}

function findPanelItem(annotationId: string): HTMLElement | null {
  const items = Array.from(document.querySelectorAll<HTMLElement>('.annotation-panel [data-annotation-id]'));
  return items.find((item) => item.dataset.annotationId === annotationId) ?? null;
}

/** The open article: text, highlights, search matches, passages and the side panel. */
export function ReaderDocument({ data, target, backLabel, onBack }: ReaderDocumentProps) {
  const { article, content } = data;
  const { notify } = useStatus();
  const { settings } = useSettings();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const drawerButton = useRef<HTMLButtonElement>(null);
  const drawerPanel = useRef<HTMLElement>(null);
  const chrome = useReaderChrome(drawerButton, drawerPanel);

  const html = useMemo(() => prepareArticleHtml(content.html, article.id), [content.html, article.id]);
  // The metadata's direction, else the text's: an Arabic article reads right to left by itself.
  const dir = useMemo(() => article.dir ?? detectDirection(content.text), [article.dir, content.text]);
  const { annotations, create, update, remove } = useAnnotations(article.id, data.annotations);
  const placed = useMemo(() => placeAnnotations(annotations, content.text), [annotations, content.text]);

  // Opened on a bookmark (from the Bookmarks or Notes view): go to it, with no search bar.
  const jumpTo = target && target.terms.length === 0 && target.annotationId ? target.annotationId : null;
  const [search, setSearch] = useState(jumpTo ? null : target);
  const matches = useMemo(() => {
    if (!search) return [];
    const found = findTermMatches(content.text, search.terms);
    return found.length > 0 ? found : search.passage ? [search.passage] : [];
  }, [search, content.text]);
  const [currentMatch, setCurrentMatch] = useState(() => initialMatchIndex(matches, target?.passage ?? null));

  useHighlightMarks(containerRef, html, placed, matches, currentMatch);
  const hasMatches = search !== null && matches.length > 0;
  const nextMatch = useCallback(() => setCurrentMatch((i) => (i + 1) % matches.length), [matches.length]);
  const previousMatch = useCallback(
    () => setCurrentMatch((i) => (i - 1 + matches.length) % matches.length),
    [matches.length],
  );
  // Find (Ctrl+F) takes the place of the search-result bar: one bar, one set of matches at a time.
  const { find, bar: findBar, close: closeFind } = useFindInArticle({
    text: content.text,
    main: mainRef,
    container: containerRef,
    scroller: scrollerRef,
    fallbackQuery: () => (search?.terms.length === 1 ? search.terms[0]! : ''),
    onOpen: () => setSearch(null),
  });
  const nextFound = useCallback(() => findBar.current?.step(1), [findBar]);
  const previousFound = useCallback(() => findBar.current?.step(-1), [findBar]);
  useReaderKeys({
    region: mainRef,
    scroller: scrollerRef,
    container: containerRef,
    onNextMatch: hasMatches ? nextMatch : find ? nextFound : null,
    onPreviousMatch: hasMatches ? previousMatch : find ? previousFound : null,
  });
  const { flush } = useReadingPosition({
    articleId: article.id,
    scroller: scrollerRef,
    container: containerRef,
    restoreTo: target ? null : article.position,
  });
  const { selection, current: currentSelection, clear: clearSelection } = usePassageSelection(containerRef, scrollerRef);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  // A new object per save, so saving the same annotation twice still moves focus.
  const [focusAfterSave, setFocusAfterSave] = useState<{ id: string } | null>(null);

  useEffect(() => {
    titleRef.current?.focus({ preventScroll: true });
    if (import.meta.env.DEV && containerRef.current && containerRef.current.textContent !== content.text) {
      console.warn(`Quire: the reader text of ${article.id} differs from text.txt; passages may be off.`);
    }
  }, [article.id, content.text]);

  useEffect(() => {
    if (!focusAfterSave) return;
    findPanelItem(focusAfterSave.id)?.querySelector<HTMLElement>('.annotation-go, button')?.focus();
  }, [focusAfterSave]);

  // Font changes reflow the text: keep the first visible character in place.
  const reflowAnchor = useRef<number | null>(null);
  const keepPlace = useCallback(() => {
    if (scrollerRef.current && containerRef.current) {
      reflowAnchor.current = measureReadingProgress(scrollerRef.current, containerRef.current).position;
    }
  }, []);
  useLayoutEffect(() => {
    if (reflowAnchor.current === null || !scrollerRef.current || !containerRef.current) return;
    scrollToTextOffset(scrollerRef.current, containerRef.current, reflowAnchor.current);
    reflowAnchor.current = null;
  }, [settings.fontSize, settings.fontFamily, settings.lineHeight, settings.columnWidth]);

  const back = () => {
    void flush().then(onBack);
  };

  const startPassage = (kind: 'bookmark' | 'note', span: TextSpan | null = currentSelection()?.span ?? null) => {
    if (!span) {
      notify('Select a passage in the article first, then choose “Bookmark selection”.');
      return;
    }
    setDialog({
      draft: { kind, quote: content.text.slice(span.start, span.end), color: null, note: '', editing: false },
      passage: span,
      annotation: null,
    });
  };

  // The desktop context menu on a selection in the article.
  useAppCommand('bookmark-selection', () => {
    if (dialog === null) startPassage('bookmark');
  });
  useAppCommand('add-note', () => {
    if (dialog === null) startPassage('note');
  });

  const startArticleNote = () =>
    setDialog({ draft: { kind: 'note', quote: null, color: null, note: '', editing: false }, passage: null, annotation: null });

  const startEdit = (annotation: Annotation) =>
    setDialog({
      draft: {
        kind: annotation.kind,
        quote: annotation.target?.quote.exact ?? null,
        color: annotation.color,
        note: annotation.note,
        editing: true,
      },
      passage: null,
      annotation,
    });

  const saveDialog = async ({ color, note }: { color: HighlightColor | null; note: string }): Promise<boolean> => {
    if (!dialog) return false;
    const { draft, passage, annotation } = dialog;
    let saved: Annotation | null;
    if (annotation) {
      saved = await update(annotation, annotation.target ? { color, note } : { note });
    } else {
      saved = await create({
        articleId: article.id,
        kind: draft.kind,
        ...(passage ? { passage: { start: passage.start, end: passage.end } } : {}),
        ...(color ? { color } : {}),
        note,
      });
    }
    if (!saved) return false;
    setDialog(null);
    if (!annotation) clearSelection();
    setFocusAfterSave({ id: saved.id });
    notify(annotation ? 'Changes saved' : draft.kind === 'note' ? 'Note saved' : 'Bookmark saved');
    return true;
  };

  const goTo = useCallback((annotation: Pick<Annotation, 'id'>) => {
    const root = containerRef.current;
    const first = root ? annotationMarks(root, annotation.id)[0] : undefined;
    if (!first) return;
    first.tabIndex = -1;
    first.scrollIntoView?.({ block: 'center' });
    first.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (jumpTo) goTo({ id: jumpTo });
  }, [jumpTo, goTo]);

  const bookmarkArticle = async () => {
    const saved = await create({ articleId: article.id, kind: 'bookmark' });
    if (!saved) return;
    setFocusAfterSave({ id: saved.id });
    notify('Article bookmarked');
  };

  /** Puts an unplaced passage on the text selected now (its note and colour stay). */
  const reattach = async (annotation: Annotation) => {
    const span = currentSelection()?.span;
    if (!span) {
      notify('Select the passage in the article first, then choose “Attach to selection”.');
      return;
    }
    const saved = await update(annotation, { passage: { start: span.start, end: span.end } });
    if (!saved) return;
    clearSelection();
    setFocusAfterSave({ id: saved.id });
    notify('Bookmark attached to the selected text');
  };

  const deleteAnnotation = async (annotation: Annotation) => {
    if (await remove(annotation)) {
      document.querySelector<HTMLElement>('.annotation-panel .panel-heading')?.focus();
    }
  };

  const onArticleClick = (event: MouseEvent<HTMLDivElement>) => {
    handleContentLinkClick(event);
    const mark = event.target instanceof Element ? event.target.closest<HTMLElement>('mark[data-annotation-id]') : null;
    const selectionIsEmpty = document.getSelection()?.isCollapsed ?? true;
    if (mark?.dataset.annotationId && selectionIsEmpty) {
      // A closed drawer opens first, so its item can take the focus.
      if (chrome.drawerMode) flushSync(chrome.drawer.show);
      findPanelItem(mark.dataset.annotationId)?.querySelector<HTMLElement>('.annotation-go')?.focus();
    }
  };

  return (
    <>
      <main className="view reader-view" id="main" ref={mainRef}>
        <ReaderToolbar
          backLabel={backLabel}
          onBack={back}
          onBookmarkSelection={() => startPassage('bookmark')}
          onBeforeReflow={keepPlace}
          chrome={chrome}
          drawerButton={drawerButton}
          annotationCount={placed.length}
        />
        {find && (
          <FindBar
            key={find.key}
            ref={findBar}
            text={content.text}
            initialQuery={find.query}
            container={containerRef}
            scroller={scrollerRef}
            onClose={closeFind}
          />
        )}
        {search && !find && (
          <SearchMatchBar
            terms={search.terms}
            current={Math.max(0, currentMatch)}
            total={matches.length}
            onPrevious={previousMatch}
            onNext={nextMatch}
            onClose={() => {
              setSearch(null);
              // The bar and its buttons go away: keep focus in the reader.
              scrollerRef.current?.focus({ preventScroll: true });
            }}
          />
        )}
        {/* Focusable, so keyboard users can scroll the text with the arrow and page keys. */}
        <p id={`${article.id}-keys`} className="visually-hidden">
          {READER_KEYS_HINT}
        </p>
        <div
          className="reader-scroll"
          ref={scrollerRef}
          tabIndex={0}
          role="region"
          aria-label="Article text"
          aria-describedby={`${article.id}-keys`}
        >
          <article className={`reader-article font-${settings.fontFamily}`} dir={dir}>
            <ArticleHeader article={article} titleRef={titleRef} dir={dir} />
            <TableOfContents container={containerRef} html={html} />
            <div
              ref={containerRef}
              className="article-content"
              data-testid="article-body"
              lang={article.lang ?? undefined}
              dir={dir}
              onClick={onArticleClick}
              dangerouslySetInnerHTML={{ __html: html }}
            />
          </article>
        </div>
        {selection && !dialog && (
          <SelectionToolbar
            selection={selection}
            onBookmark={() => startPassage('bookmark', selection.span)}
            onNote={() => startPassage('note', selection.span)}
          />
        )}
      </main>
      <AnnotationPanel
        placed={placed}
        onGoTo={goTo}
        onEdit={startEdit}
        onReattach={(annotation) => void reattach(annotation)}
        onDelete={(annotation) => void deleteAnnotation(annotation)}
        onNoteOnArticle={startArticleNote}
        onBookmarkArticle={() => void bookmarkArticle()}
        articleId={article.id}
        drawer={chrome.drawerMode ? chrome.drawer : null}
        panelRef={drawerPanel}
      />
      {dialog && <AnnotationDialog draft={dialog.draft} onSave={saveDialog} onCancel={() => setDialog(null)} />}
    </>
  );
}
