/**
 * A long book on the page: whatever chapters have arrived, the text container's text is the book's
 * text, so offsets mean the same before and after; a chapter arriving gets the marks that fall in
 * it, and the marks elsewhere stay as they were.
 */
import { describe, expect, it } from 'vitest';
import type { ContentChapter } from '../../../../electron/shared/models';
import { bookSkeletonHtml, fillWaitingChapters, pendingChapter, pendingChapters } from '../../../../renderer/reader/book/chapter-units';
import { buildBookDom } from '../../../../renderer/reader/book/use-book-dom';
import { drawHighlights, drawHighlightsIn, type HighlightSpec } from '../../../../renderer/reader/highlights';

const SECTIONS = [
  '<section id="c1"><h2>One</h2>\n<p>Call me Ishmael.</p></section>',
  '<section id="c2"><h2>Two</h2>\n<p>The <em>whale</em> &amp; the sea.</p></section>',
  '<section id="c4"><p>Last &lt;words&gt;.</p></section>',
];
const TEXTS = ['One\nCall me Ishmael.', 'Two\nThe whale & the sea.', 'Last <words>.'];
const TEXT = TEXTS.join('\n');

function chapters(withHtml: readonly number[]): ContentChapter[] {
  let start = 0;
  return TEXTS.map((text, i) => {
    const chapter: ContentChapter = { anchor: ['c1', 'c2', 'c4'][i]!, label: text.split('\n')[0]!, start, end: start + text.length, words: 3 };
    start += text.length + 1;
    return withHtml.includes(i) ? { ...chapter, html: SECTIONS[i] } : chapter;
  });
}

function page(withHtml: readonly number[]): HTMLElement {
  const root = document.createElement('div');
  const list = chapters(withHtml);
  root.innerHTML = bookSkeletonHtml(TEXT, list, (html) => html);
  fillWaitingChapters(root, TEXT, list);
  document.body.append(root);
  return root;
}

/** What the chapter loader does when chapter `index` arrives. */
function arrive(root: HTMLElement, index: number): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = SECTIONS[index]!;
  const section = template.content.firstElementChild as HTMLElement;
  pendingChapter(root, index)!.replaceWith(template.content);
  return section;
}

describe('a long book on the page', () => {
  it('holds the whole text whichever chapters have arrived', () => {
    for (const withHtml of [[], [1], [0, 2], [0, 1, 2]]) {
      const root = page(withHtml);
      expect(root.textContent).toBe(TEXT);
      expect(pendingChapters(root)).toHaveLength(3 - withHtml.length);
      root.remove();
    }
    const root = page([0]);
    arrive(root, 1);
    arrive(root, 2);
    expect(root.textContent).toBe(TEXT);
    expect(root.innerHTML).toBe(SECTIONS.join('\n'));
    root.remove();
  });

  it('is the same built off the page before the reader shows it, each waiting chapter with a size to stand in for it', async () => {
    const built = await buildBookDom('a1', { id: 'a1', html: '', text: TEXT, chapters: chapters([1]) });
    expect(built?.textContent).toBe(TEXT);
    expect(built?.querySelector('section#c2')?.textContent).toBe(TEXTS[1]);
    expect(pendingChapters(built!).map((pending) => pending.style.getPropertyValue('contain-intrinsic-block-size'))).toEqual(['auto 48px', 'auto 48px']);
    // Not wanted any more (another article opened meanwhile): nothing is built.
    expect(await buildBookDom('a1', { id: 'a1', html: '', text: TEXT, chapters: chapters([]) }, () => true)).toBeNull();
    expect(await buildBookDom('a1', { id: 'a1', html: '<p>Short.</p>', text: 'Short.' })).toBeNull();
  });

  it('draws an arriving chapter’s marks and leaves the others', () => {
    const root = page([0]);
    const whale = TEXT.indexOf('whale');
    const specs: HighlightSpec[] = [
      { start: TEXT.indexOf('Ishmael'), end: TEXT.indexOf('Ishmael') + 7, className: 'quire-search-match' },
      { start: whale, end: whale + 5, className: 'quire-search-match' },
      { start: TEXT.indexOf('sea'), end: TEXT.indexOf('words') + 2, className: 'quire-highlight' },
    ];
    const drawn = drawHighlights(root, specs);
    const ishmael = drawn[0]![0]!;
    const section = arrive(root, 1);
    const redrawn = drawHighlightsIn({ section, start: TEXTS[0]!.length + 1, end: TEXTS[0]!.length + 1 + TEXTS[1]!.length }, specs, drawn);
    expect(redrawn[0]).toEqual([ishmael]);
    expect(redrawn[1]!.map((mark) => mark.textContent)).toEqual(['whale']);
    expect(redrawn[1]![0]!.parentElement?.localName).toBe('em');
    // A passage across two chapters: its part in the arrived one, then its part still waiting.
    expect(redrawn[2]!.map((mark) => mark.textContent).join('')).toBe(TEXT.slice(specs[2]!.start, specs[2]!.end));
    expect(root.textContent).toBe(TEXT);
    root.remove();
  });
});
