/**
 * A long book's text, put together in a task of its own before the reader shows it: its skeleton
 * parsed and every waiting chapter's text set (chapter-units.ts) in an element off the page, which
 * the reader then moves into its text container (use-chapter-units.ts). Built while the reader
 * was being put on the page, it made one task of both, far over 100 ms for a million words; the
 * reader says it is loading meanwhile. Articles not read in chapters pass through at once.
 */
import { useEffect, useState } from 'react';
import type { ArticleContent } from '../../../electron/shared/models';
import { prepareArticleHtml } from '../article-html';
import { bookSkeletonHtml, chapterIndexOf, estimatedHeight, FIRST_PIXELS_PER_CHARACTER, pendingChapters } from './chapter-units';

export interface BuiltBook {
  content: ArticleContent;
  /** a long book's text, ready to be moved into the text container; null for any other article */
  dom: HTMLElement | null;
}

/** Work done in one task at most, before the page gets its turn. */
const SLICE_MS = 25;
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * The text container's content of a long book, built off the page in slices of a few
 * milliseconds (each chapter's text is a copy of a few thousand characters, a million words in
 * all); null when `cancelled()` says it is no longer wanted.
 */
export async function buildBookDom(articleId: string, content: ArticleContent, cancelled: () => boolean = () => false): Promise<HTMLElement | null> {
  const { chapters } = content;
  if (!chapters) return null;
  const dom = document.createElement('div');
  dom.innerHTML = bookSkeletonHtml(content.text, chapters, (chapter) => prepareArticleHtml(chapter, articleId));
  let sliceStart = performance.now();
  for (const pending of pendingChapters(dom)) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      if (cancelled()) return null;
      sliceStart = performance.now();
    }
    const chapter = chapters[chapterIndexOf(pending)];
    if (!chapter) continue;
    pending.textContent = content.text.slice(chapter.start, chapter.end);
    // A first guess at its size, set while nothing is laid out (use-chapter-units.ts sizes the
    // waiting chapters again from the chapters shown).
    pending.style.setProperty('contain-intrinsic-block-size', `auto ${estimatedHeight(chapter.end - chapter.start, FIRST_PIXELS_PER_CHARACTER)}px`);
  }
  return cancelled() ? null : dom;
}

/**
 * The content to show and its built text: null while a long book's is being built. Content that
 * changes while one is shown (another process wrote the article) keeps the one shown until the
 * new one is built.
 */
export function useBookDom(articleId: string, content: ArticleContent | null): BuiltBook | null {
  const [built, setBuilt] = useState<BuiltBook | null>(null);
  const waiting = content !== null && content.chapters !== undefined && built?.content !== content;
  useEffect(() => {
    if (!waiting || content === null) return;
    let stopped = false;
    // Begun in a task of its own, after the one that brought the content (and painted "Loading…").
    void nextTask()
      .then(() => (stopped ? null : buildBookDom(articleId, content, () => stopped)))
      .then((dom) => {
        if (!stopped && dom) setBuilt({ content, dom });
      });
    return () => {
      stopped = true;
    };
  }, [waiting, articleId, content]);
  if (content === null) return null;
  if (content.chapters === undefined) return { content, dom: null };
  return built?.content === content ? built : built?.content.id === content.id ? built : null;
}
