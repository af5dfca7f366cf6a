/**
 * Loads a long book's chapters as the reader reaches them (chapter-units.ts): a waiting chapter
 * that comes within a screen of the view is asked for, one at a time, and its HTML takes the place
 * of its plain text. What the reader is looking at stays where it is: a chapter arriving above the
 * view moves the scroll by exactly what it added; one in the view keeps the first character on
 * screen in its place (in pages, the page holding it). Articles not read in chapters pass through.
 */
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { ArticleContent, BookChapter } from '../../../electron/shared/models';
import { useApi } from '../../api/api-context';
import { prepareArticleHtml } from '../article-html';
import {
  bookSkeletonHtml,
  chapterHolding,
  chapterIndexOf,
  chapterOfId,
  estimatedHeight,
  fillWaitingChapters,
  FIRST_PIXELS_PER_CHARACTER,
  pendingChapter,
  pendingChapters,
} from './chapter-units';
import { ChapterLoader } from './chapter-loader';
import { measureReadingProgress, scrollToTextOffset } from '../reading-position';
import type { ArrivedChapter } from '../highlights';

export interface ChapterUnits {
  /** the text container's first HTML: the article, or a long book with its waiting chapters (empty when `dom` brings them) */
  html: string;
  /** changes each time a chapter arrives: marks, the place and the pages are drawn and measured again */
  version: number;
  /** changes whenever the text's DOM is new (another text, a chapter arriving) */
  contentKey: string;
  /** the chapters that arrived since the marks were last drawn, to draw theirs alone (use-highlight-marks.ts) */
  arrivals: RefObject<ArrivedChapter[]>;
  /** a long book's chapters (read in chapters), else null */
  chapters: readonly BookChapter[] | null;
  /** the chapter being fetched (from 1) and how many there are, when it is the one holding `offset` */
  loadingAt: (offset: number) => { chapter: number; of: number } | null;
  /** a click on a link into a chapter not here yet: loads it and goes there; true when it took the click */
  onLinkClick: (event: MouseEvent<HTMLElement>, remember: (link: HTMLElement) => void) => boolean;
}

interface ChapterUnitsOptions {
  articleId: string;
  content: ArticleContent;
  /** a long book's text built before the reader (use-book-dom.ts): moved into the container instead of `html` */
  dom?: HTMLElement | null;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
}

/** Waiting chapters this close to the view (a screen each way) are fetched before they are seen. */
const NEAR_VIEW = '100% 100% 100% 100%';

/** A number for each built book text, for the content key. */
const domSerials = new WeakMap<HTMLElement, number>();
let domCount = 0;
const serialOf = (dom: HTMLElement): number => {
  if (!domSerials.has(dom)) domSerials.set(dom, (domCount += 1));
  return domSerials.get(dom)!;
};

export function useChapterUnits({ articleId, content, dom = null, container, scroller }: ChapterUnitsOptions): ChapterUnits {
  const api = useApi();
  const chapters = content.chapters ?? null;
  const html = useMemo(
    () =>
      dom ? '' : chapters ? bookSkeletonHtml(content.text, chapters, (chapter) => prepareArticleHtml(chapter, articleId)) : prepareArticleHtml(content.html, articleId),
    [dom, chapters, content.text, content.html, articleId],
  );
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState<{ chapter: number; of: number } | null>(null);
  const loader = useRef<ChapterLoader | null>(null);
  const arrivals = useRef<ArrivedChapter[]>([]);

  // Before anything reads the text (marks, the saved place): the book built beforehand moved in,
  // else the waiting chapters' text set here. (Moved once: run again, the built element is empty.)
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    if (dom) {
      if (dom.firstChild) root.replaceChildren(...Array.from(dom.childNodes));
    } else if (chapters) fillWaitingChapters(root, content.text, chapters);
  }, [html, dom, chapters, container, content.text]);

  // Each waiting chapter gets an estimated size (from the chapters already shown), and is fetched
  // when it comes near the view.
  useLayoutEffect(() => {
    const root = container.current;
    const view = scroller.current;
    if (!chapters || !root || !view) return;
    const chapterLoader = new ChapterLoader({
      root,
      view,
      chapterCount: chapters.length,
      fetch: async (index) => {
        const answer = await api.getChapter(articleId, index);
        return answer.ok ? prepareArticleHtml(answer.value.html, articleId) : null;
      },
      onLoading: setLoading,
      onArrived: (index, section) => {
        const chapter = chapters[index];
        if (section && chapter) arrivals.current.push({ section, start: chapter.start, end: chapter.end });
        setVersion((count) => count + 1);
      },
    });
    loader.current = chapterLoader;
    const waiting = pendingChapters(root);
    // Sized from the chapters shown, in a task after the one that shows the text: measuring them
    // there laid the page out once more and restyled every waiting chapter, in the longest task
    // of opening a long book. The place on screen is kept (the browser's scroll anchoring does it
    // in a scroll; in pages the sizes before the page shown move it).
    const sizing = window.setTimeout(() => {
      const keep = measureReadingProgress(view, root).position;
      sizeWaitingChapters(root, chapters, pendingChapters(root));
      if (measureReadingProgress(view, root).position !== keep) scrollToTextOffset(view, root, keep);
    }, 0);
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                if (!entry.isIntersecting) continue;
                observer?.unobserve(entry.target);
                chapterLoader.want(chapterIndexOf(entry.target as HTMLElement));
              }
            },
            { root: view, rootMargin: NEAR_VIEW },
          )
        : null;
    for (const pending of waiting) observer?.observe(pending);
    return () => {
      window.clearTimeout(sizing);
      observer?.disconnect();
      chapterLoader.stop();
      loader.current = null;
    };
  }, [api, articleId, chapters, container, scroller, html, dom]);

  const onLinkClick = (event: MouseEvent<HTMLElement>, remember: (link: HTMLElement) => void): boolean => {
      const link = event.target instanceof Element ? event.target.closest<HTMLElement>('a[href^="#"]') : null;
      const root = container.current;
      const chapterLoader = loader.current;
      if (!chapters || !root || !chapterLoader || !link || !event.currentTarget.contains(link)) return false;
      const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
      if (!id || elementWithId(root, id)) return false;
      const index = chapterOfId(chapters, id);
      const pending = index >= 0 ? pendingChapter(root, index) : null;
      if (!pending) return false;
      event.preventDefault();
      remember(link);
      pending.scrollIntoView?.({ block: 'start' });
      chapterLoader.want(index, true, () => {
        const target = elementWithId(root, id);
        if (!(target instanceof HTMLElement)) return;
        target.scrollIntoView?.({ block: 'start' });
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus({ preventScroll: true });
      });
      return true;
  };

  // Said while the reader is looking at the chapter's waiting text (a jump, a fast scroll).
  const loadingAt = (offset: number) => (loading && chapters && chapterHolding(chapters, offset) === loading.chapter - 1 ? loading : null);
  const contentKey = `${dom ? `book${serialOf(dom)}` : html.length}:${version}`;
  return { html, version, contentKey, arrivals, chapters, loadingAt, onLinkClick };
}

const elementWithId = (root: HTMLElement, id: string): Element | null => root.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);

/** Sizes each waiting chapter by its length, at the height per character of the chapters already shown. */
function sizeWaitingChapters(root: HTMLElement, chapters: readonly BookChapter[], waiting: readonly HTMLElement[]): void {
  let shownHeight = 0;
  let shownCharacters = 0;
  for (const chapter of chapters) {
    const section = root.querySelector<HTMLElement>(`section[id="${chapter.anchor}"]`);
    if (!section || chapter.end <= chapter.start) continue;
    shownHeight += section.getBoundingClientRect().height;
    shownCharacters += chapter.end - chapter.start;
  }
  const perCharacter = shownCharacters > 2000 && shownHeight > 0 ? shownHeight / shownCharacters : FIRST_PIXELS_PER_CHARACTER;
  for (const pending of waiting) {
    const chapter = chapters[chapterIndexOf(pending)];
    if (chapter) pending.style.setProperty('contain-intrinsic-block-size', `auto ${estimatedHeight(chapter.end - chapter.start, perCharacter)}px`);
  }
}
