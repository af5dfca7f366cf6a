/**
 * A long book on the page, chapter by chapter. The text container always holds the whole text (so
 * every offset — passages, search hits, the reading position, find, read aloud — means what it
 * always meant): a chapter not loaded yet stands there as its plain text, in a block the browser
 * neither lays out nor paints until it comes near the view (`content-visibility: auto`, sized by an
 * estimate), and is replaced by the chapter's HTML, whose text is the same, when the reader reaches
 * it. Anything scrolled to inside a waiting chapter is therefore already in the right place, and
 * stays there when the chapter arrives.
 */
import type { ContentChapter } from '../../../electron/shared/models';

export { chapterHolding } from '../../../electron/shared/book-chapters';

/** The class of a chapter not loaded yet: its plain text, waiting for its HTML. */
export const PENDING_CLASS = 'book-chapter-pending';
const PENDING_SELECTOR = `.${PENDING_CLASS}`;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The container's first HTML: each chapter as its HTML when it came with the content
 * (`prepare`d for the page), else as an empty waiting block (`fillWaitingChapters` gives it its
 * text); between chapters, the text between them (a line break), as in the whole book's HTML.
 */
export function bookSkeletonHtml(text: string, chapters: readonly ContentChapter[], prepare: (html: string) => string): string {
  const parts: string[] = [];
  let end = 0;
  chapters.forEach((chapter, index) => {
    parts.push(escapeHtml(text.slice(end, chapter.start)));
    parts.push(chapter.html !== undefined ? prepare(chapter.html) : `<div class="${PENDING_CLASS}" id="${chapter.anchor}" data-chapter="${index}"></div>`);
    end = chapter.end;
  });
  parts.push(escapeHtml(text.slice(end)));
  return parts.join('');
}

/**
 * Puts each waiting chapter's text into its block as one text node: a million words set this way
 * take a few milliseconds, where the same text escaped into the HTML took the parser 160 ms.
 */
export function fillWaitingChapters(root: ParentNode, text: string, chapters: readonly ContentChapter[]): void {
  for (const pending of pendingChapters(root)) {
    const chapter = chapters[chapterIndexOf(pending)];
    if (chapter && pending.firstChild === null) pending.textContent = text.slice(chapter.start, chapter.end);
  }
}

/** The waiting block of chapter `index`, if it is still waiting. */
export const pendingChapter = (container: ParentNode, index: number): HTMLElement | null =>
  container.querySelector<HTMLElement>(`${PENDING_SELECTOR}[data-chapter="${index}"]`);

/** The waiting chapter around `node`, if it is in one. */
export const pendingAround = (node: Node): HTMLElement | null =>
  (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(PENDING_SELECTOR) ?? null;

export const pendingChapters = (container: ParentNode): HTMLElement[] => Array.from(container.querySelectorAll<HTMLElement>(PENDING_SELECTOR));

export const chapterIndexOf = (pending: HTMLElement): number => Number(pending.dataset.chapter);

/**
 * The chapter whose section holds the element `id`: ids inside a chapter start with its section's
 * id and a hyphen (`c12-note3` is in `c12`), as the importer writes them.
 */
export function chapterOfId(chapters: readonly { anchor: string }[], id: string): number {
  const anchor = /^c\d+/.exec(id)?.[0];
  return anchor === undefined ? -1 : chapters.findIndex((chapter) => chapter.anchor === anchor);
}

/**
 * How tall a waiting chapter is likely to be: its length at the height per character of the
 * chapters already shown (a first guess before any is), so the scroll bar and a jump land near
 * where they will be once it arrives.
 */
export function estimatedHeight(characters: number, pixelsPerCharacter: number): number {
  return Math.max(48, Math.round(characters * pixelsPerCharacter));
}

/** About 24 px lines of 70 characters. */
export const FIRST_PIXELS_PER_CHARACTER = 24 / 70;
