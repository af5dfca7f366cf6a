/**
 * Fetches a long book's chapters one at a time, as they are wanted, and puts each in place of its
 * waiting text (chapter-units.ts), keeping what the reader is looking at where it is: a chapter
 * arriving above the view is the browser's scroll anchoring's (CSS `overflow-anchor`, on by
 * default); one in the view keeps the first character on screen in place (in pages, the page
 * holding it). Plain DOM work, kept out of
 * React; the hook (use-chapter-units.ts) hears of each arrival.
 */
import { measureReadingProgress, scrollToTextOffset } from '../reading-position';
import { pendingChapter } from './chapter-units';
import { isPaginated } from './pagination';

interface ChapterLoaderOptions {
  root: HTMLElement;
  view: HTMLElement;
  chapterCount: number;
  /** the chapter's HTML ready for the page, or null when it cannot be had (it then stays as its text) */
  fetch: (index: number) => Promise<string | null>;
  onLoading: (loading: { chapter: number; of: number } | null) => void;
  /** a chapter was asked for: its section, now in place of its waiting text (null when it could not be had) */
  onArrived: (index: number, section: HTMLElement | null) => void;
}

export class ChapterLoader {
  private wanted: number[] = [];
  private busy = false;
  private stopped = false;
  private readonly then = new Map<number, (() => void)[]>();

  constructor(private readonly options: ChapterLoaderOptions) {}

  /** Asks for a chapter (`first`: before the others waiting); `callback` runs once it is in place. */
  want(index: number, first = false, callback?: () => void): void {
    if (callback) this.then.set(index, [...(this.then.get(index) ?? []), callback]);
    this.wanted = this.wanted.filter((queued) => queued !== index);
    if (first) this.wanted.unshift(index);
    else this.wanted.push(index);
    this.next();
  }

  stop(): void {
    this.stopped = true;
    this.wanted = [];
    this.then.clear();
  }

  private next(): void {
    if (this.busy || this.stopped) return;
    const { root, chapterCount, fetch, onLoading, onArrived } = this.options;
    let index = this.wanted.shift();
    // Chapters already here need no fetch: their callbacks run at once.
    while (index !== undefined && !pendingChapter(root, index)) {
      this.settle(index);
      index = this.wanted.shift();
    }
    if (index === undefined) {
      onLoading(null);
      return;
    }
    const chapter = index;
    this.busy = true;
    onLoading({ chapter: chapter + 1, of: chapterCount });
    void fetch(chapter).then((html) => {
      this.busy = false;
      if (this.stopped) return;
      const section = html === null ? null : this.place(chapter, html);
      this.settle(chapter);
      onArrived(chapter, section);
      // The next one in a task of its own: each arrival stays a short piece of work for the page.
      window.setTimeout(() => this.next(), 0);
    });
  }

  private settle(index: number): void {
    const callbacks = this.then.get(index) ?? [];
    this.then.delete(index);
    for (const callback of callbacks) callback();
  }

  private place(index: number, html: string): HTMLElement | null {
    const { root, view } = this.options;
    const pending = pendingChapter(root, index);
    if (!pending) return null;
    const template = document.createElement('template');
    template.innerHTML = html;
    const viewBox = view.getBoundingClientRect();
    const box = pending.getBoundingClientRect();
    const focused = document.activeElement === pending;
    const inView = isPaginated(view) || (box.bottom > viewBox.top && box.top < viewBox.bottom);
    const keep = inView ? measureReadingProgress(view, root).position : null;
    const section = template.content.firstElementChild;
    pending.replaceWith(template.content);
    // Above the view, the browser's scroll anchoring keeps the view still (as it does when a
    // waiting chapter near the view is first laid out at its real size); in the view, the text
    // under the reader's eyes is the anchor, and it was just replaced: its first character is kept.
    if (keep !== null) scrollToTextOffset(view, root, keep);
    if (!(section instanceof HTMLElement)) return null;
    if (focused) {
      section.tabIndex = -1;
      section.focus({ preventScroll: true });
    }
    return section;
  }
}
