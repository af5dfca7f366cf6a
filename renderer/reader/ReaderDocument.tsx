import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useAppCommand } from '../app/use-app-command';
import { handleContentLinkClick } from '../app/external-links';
import { AnnotationDialog } from './AnnotationDialog';
import { AnnotationPanel, type AnnotationPanelHandle } from './AnnotationPanel';
import { useSettings } from '../app/settings-context';
import { BookContents, BookStatus, PageZones } from './book/BookParts';
import { useBookReading } from './book/use-book-reading';
import { BookLayoutSwitch } from './book/BookLayoutSwitch';
import { FixedLayoutPages } from './book/FixedLayoutPages';
import { useBookLayout } from './book/use-book-layout';
import { useFixedPages } from './book/use-fixed-pages';
import { useChapterUnits } from './book/use-chapter-units';
import { useVerticalScroll } from './book/use-vertical-scroll';
import { MatchBar } from './MatchBar';
import { placeAnnotations } from './placed-annotations';
import type { ReaderTarget } from './reader-target';
import { ReaderText } from './ReaderText';
import { ReaderToolbar } from './ReaderToolbar';
import { SelectionBar, type SelectionBarHandle } from './SelectionBar';
import { HighlightPopover } from './HighlightPopover';
import { ListenBar, useListenKeys } from './listen/ListenBar';
import { useListen } from './listen/use-listen';
import { useHighlightPopover } from './use-highlight-popover';
import { useSelectionBar } from './use-selection-bar';
import { detectDirection } from './text-direction';
import { useAnnotationActions } from './use-annotation-actions';
import { useAnnotationDialog } from './use-annotation-dialog';
import { useAnnotations } from './use-annotations';
import { useArticleMatches } from './use-article-matches';
import { focusAnnotationMark, useHighlightMarks } from './use-highlight-marks';
import { useKeepPlaceOnReflow, useKeepPlaceOnResize } from './use-keep-place';
import { usePassageSelection } from './use-passage-selection';
import type { ReaderData } from './use-reader-data';
import { useReaderChrome } from './use-reader-chrome';
import { useReaderShortcuts } from './use-reader-shortcuts';
import { useReadingPosition } from './use-reading-position';
import { PdfPageView } from './pdf/PdfPageView';
import { PdfViewSwitch } from './pdf/PdfViewSwitch';
import { usePdfPages } from './pdf/use-pdf-pages';

interface ReaderDocumentProps {
  data: Extract<ReaderData, { status: 'ready' }>;
  /** a long book's text, built before the reader (book/use-book-dom.ts); else null */
  bookDom?: HTMLElement | null;
  target: ReaderTarget | null;
  backLabel: string;
  onBack: () => void;
}

/**
 * The open article: puts together the toolbar, the match bars, the text with its highlights, the
 * selection's colour bar, a highlight's popover, the side panel and the dialog. Each part's behaviour lives in its own hook or
 * component; this one only wires them to each other.
 */
export function ReaderDocument({ data, bookDom = null, target, backLabel, onBack }: ReaderDocumentProps) {
  const { article, content } = data;
  const markHintId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const drawerButton = useRef<HTMLButtonElement>(null);
  const drawerPanel = useRef<HTMLElement>(null);
  const panel = useRef<AnnotationPanelHandle>(null);
  const selectionBarRef = useRef<SelectionBarHandle>(null);
  const chrome = useReaderChrome(drawerButton, drawerPanel);

  // A long book arrives chapter by chapter; `contentKey` changes with each (marks and the place follow).
  const units = useChapterUnits({ articleId: article.id, content, dom: bookDom, container: containerRef, scroller: scrollerRef });
  const { html, contentKey } = units;
  // The metadata's direction, else the text's: an Arabic article reads right to left by itself.
  const dir = useMemo(() => article.dir ?? detectDirection(content.text), [article.dir, content.text]);
  const annotations = useAnnotations(article.id, data.annotations);
  const placed = useMemo(() => placeAnnotations(annotations.annotations, content.text), [annotations.annotations, content.text]);

  const matches = useArticleMatches({ text: content.text, target, main: mainRef, container: containerRef, scroller: scrollerRef });
  useHighlightMarks(containerRef, contentKey, placed, matches.matches, matches.currentMatch, markHintId, units.arrivals);
  const { flush } = useReadingPosition({
    articleId: article.id,
    scroller: scrollerRef,
    container: containerRef,
    restoreTo: target ? null : article.position,
  });
  const layout = useBookLayout(article);
  const keepPlace = useKeepPlaceOnReflow(scrollerRef, containerRef, layout.writingMode);
  const { settings } = useSettings();
  const book = useBookReading({ text: content.text, html, contentKey, bookChapters: units.chapters, scroller: scrollerRef, container: containerRef, readingMode: settings.readingMode });
  useVerticalScroll(scrollerRef, layout.writingMode !== null && book.columns === null);
  useKeepPlaceOnResize(scrollerRef, containerRef, `${settings.readingMode}:${layout.writingMode ?? ''}`);
  const textSelection = usePassageSelection(containerRef, scrollerRef);
  // A PDF shows its pages or its text; either way passages are offsets into the same text.
  const { isPdf, showPages, mode: pdfMode, setMode: setPdfMode, view: pdfView, pages: pdfPages, scroller: pdfScroller, selection: pageSelection, goTo: goToOnPage } =
    usePdfPages(article.id, article.format === 'pdf', placed);
  // A fixed-layout book's pages likewise: its highlights painted on them, a selection there a passage.
  const { view: fixedView, pages: fixedPagesView, selection: fixedSelection, request: fixedRequest, requestShown: fixedRequestShown, goTo: goToOnFixedPage } =
    useFixedPages(placed);
  const selection = showPages ? pageSelection : layout.showPages ? fixedSelection : textSelection;
  const actions = useAnnotationActions({
    articleId: article.id,
    annotations,
    panel,
    container: containerRef,
    scroller: scrollerRef,
    selection,
  });
  const popover = useHighlightPopover(containerRef, showPages ? pdfScroller : layout.showPages ? fixedPagesView : scrollerRef);
  const popoverAnnotation = popover.open ? annotations.annotations.find((a) => a.id === popover.open?.annotationId) : undefined;
  const dialog = useAnnotationDialog({
    articleId: article.id,
    text: content.text,
    annotations,
    onSaved: (saved, created) => {
      if (created) selection.clear();
      actions.focusInPanel(saved.id);
    },
  });

  useEffect(() => {
    titleRef.current?.focus({ preventScroll: true });
    if (import.meta.env.DEV && containerRef.current && containerRef.current.textContent !== content.text) {
      console.warn(`Quire: the reader text of ${article.id} differs from text.txt; passages may be off.`);
    }
  }, [article.id, content.text]);

  const { jumpTo } = matches;
  const showsFixedPages = layout.showPages;
  useEffect(() => {
    if (jumpTo && showsFixedPages) goToOnFixedPage({ id: jumpTo });
    else if (jumpTo) focusAnnotationMark(containerRef.current, jumpTo);
    // Once, when the article opens on a bookmark.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpTo]);

  const back = () => {
    void flush().then(onBack);
  };
  const listen = useListen({
    text: content.text,
    lang: article.lang,
    container: containerRef,
    scroller: scrollerRef,
    selectionStart: () => selection.current()?.span.start ?? null,
  });
  // The bar stays after Listen when it has something to say (no voice for this language).
  const [listenAsked, setListenAsked] = useState(false);
  useListenKeys(listen);
  useReaderShortcuts({
    onBack: back,
    onBackInText: book.history.goBack,
    onToggleFocusMode: chrome.toggleFocusMode,
    escapeTaken: () => matches.find !== null || listen.status !== 'idle',
  });

  const selectionBar = useSelectionBar({
    text: content.text,
    bar: selectionBarRef,
    selection,
    blocked: dialog.dialog !== null || popoverAnnotation !== undefined,
    main: mainRef,
    scroller: scrollerRef,
    highlight: actions.highlight,
    writeNote: () => dialog.startPassage('note', selection.current()?.span ?? null),
  });

  const startPassage = (kind: 'bookmark' | 'note') => dialog.startPassage(kind, selection.current()?.span ?? null);
  // The desktop context menu on a selection in the article.
  useAppCommand('bookmark-selection', () => {
    if (dialog.dialog === null) startPassage('bookmark');
  });
  useAppCommand('add-note', () => {
    if (dialog.dialog === null) startPassage('note');
  });

  const onArticleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (units.onLinkClick(event, book.history.remember)) return;
    if (book.onTextClick(event)) return;
    handleContentLinkClick(event);
    if (!event.defaultPrevented) popover.onTextClick(event);
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
          viewSwitch={isPdf ? <PdfViewSwitch mode={pdfMode} onChange={setPdfMode} /> : <BookLayoutSwitch layout={layout} onBeforeReflow={keepPlace} />}
          listen={
            listen.available
              ? {
                  active: listen.status !== 'idle',
                  onToggle: () => {
                    setListenAsked(true);
                    listen.toggle();
                  },
                }
              : null
          }
        />
        {(listen.status !== 'idle' || listen.awaitingVoice || (listenAsked && listen.problem !== null)) && (
          <ListenBar listen={listen} onBookmarkSentence={(span) => dialog.startPassage('bookmark', span)} />
        )}
        <MatchBar matches={matches} text={content.text} container={containerRef} scroller={scrollerRef} />
        {/* Before the text, so Shift+Tab from the text reaches it. */}
        {selectionBar.shown && selection.selection && (
          <SelectionBar
            ref={selectionBarRef}
            selection={selection.selection}
            onHighlight={selectionBar.onHighlight}
            onNote={selectionBar.onNote}
            onCopy={selectionBar.onCopy}
          />
        )}
        <ReaderText
          article={article}
          html={html}
          dir={dir}
          titleRef={titleRef}
          scrollerRef={scrollerRef}
          containerRef={containerRef}
          onClick={onArticleClick}
          onKeyDown={popover.onTextKeyDown}
          markHintId={markHintId}
          columns={book.columns}
          beside={<BookContents book={book} drawerMode={chrome.drawerMode} container={containerRef} />}
          overlay={<PageZones book={book} />}
          hidden={showPages || layout.showPages}
          writingMode={layout.writingMode}
        />
        {layout.showPages && layout.pagesFile && (
          <FixedLayoutPages
            ref={fixedView}
            articleId={article.id}
            file={layout.pagesFile}
            title={article.title}
            content={content}
            placed={placed}
            matches={matches.shown.matches}
            currentMatch={matches.shown.current}
            request={fixedRequest}
            onRequestShown={fixedRequestShown}
            viewRef={fixedPagesView}
            onShowText={() => layout.setView('text')}
            onHighlightClick={popover.openAt}
          />
        )}
        {!showPages && !layout.showPages && (
          <BookStatus book={book} textLength={content.text.length} isBook={article.format === 'epub'} drawerMode={chrome.drawerMode} loading={units.loadingAt(book.place.offset)} />
        )}
        {/* The text (and its title heading) is out of view with the pages: the title stays the page's heading. */}
        {showPages && (
          <h1 className="visually-hidden" dir="auto">
            {article.title}
          </h1>
        )}
        {showPages && (
          <PdfPageView
            ref={pdfView}
            articleId={article.id}
            text={content.text}
            html={content.html}
            placed={placed}
            matches={matches.shown.matches}
            currentMatch={matches.shown.current}
            pagesRef={pdfPages}
            scrollerRef={pdfScroller}
            onShowText={() => setPdfMode('text')}
            onHighlightClick={popover.openAt}
          />
        )}
        {popover.open && popoverAnnotation && (
          <HighlightPopover
            key={popoverAnnotation.id}
            annotation={popoverAnnotation}
            anchor={popover.open.anchor}
            onRecolor={(color) => {
              popover.close(false);
              void actions.recolor(popoverAnnotation, color, { focus: true });
            }}
            onNote={() => {
              popover.close(false);
              dialog.startEdit(popoverAnnotation);
            }}
            onDelete={() => {
              popover.close(false);
              void actions.deleteAnnotation(popoverAnnotation, 'text');
            }}
            onClose={popover.close}
          />
        )}
      </main>
      <AnnotationPanel
        placed={placed}
        onGoTo={showPages ? goToOnPage : layout.showPages ? goToOnFixedPage : actions.goTo}
        onEdit={dialog.startEdit}
        onReattach={(annotation) => void actions.reattach(annotation)}
        onDelete={(annotation) => void actions.deleteAnnotation(annotation, 'panel')}
        onNoteOnArticle={dialog.startArticleNote}
        onBookmarkArticle={() => void actions.bookmarkArticle()}
        articleId={article.id}
        drawer={chrome.drawerMode ? chrome.drawer : null}
        panelRef={drawerPanel}
        handle={panel}
      />
      {dialog.dialog && <AnnotationDialog draft={dialog.dialog.draft} onSave={dialog.save} onCancel={dialog.cancel} />}
    </>
  );
}
