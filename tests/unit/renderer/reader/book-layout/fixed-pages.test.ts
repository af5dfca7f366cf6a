import { describe, expect, it } from 'vitest';
import type { FixedPage, PageSide } from '../../../../../electron/shared/fixed-layout';
import { pageContent, pageCss } from '../../../../../renderer/reader/book/fixed-page-markup';
import { scaleToFit, showsSpreads, spreadsOf } from '../../../../../renderer/reader/book/fixed-spreads';

const sides = (...list: (PageSide | null)[]) => list.map((side) => ({ side }));

describe('which pages share the screen', () => {
  it('pairs left then right in a book read left to right, and right then left in one read right to left', () => {
    expect(spreadsOf(sides('left', 'right', 'left', 'right'), 'ltr', true)).toEqual([[0, 1], [2, 3]]);
    expect(spreadsOf(sides('right', 'left', 'right', 'left'), 'rtl', true)).toEqual([[0, 1], [2, 3]]);
    // Marked the other way round, nothing pairs.
    expect(spreadsOf(sides('right', 'left'), 'ltr', true)).toEqual([[0], [1]]);
  });

  it('leaves an unmarked first page alone, like a cover, and pairs the rest', () => {
    expect(spreadsOf(sides(null, null, null, null, null), 'ltr', true)).toEqual([[0], [1, 2], [3, 4]]);
    expect(spreadsOf(sides(null, null, null), 'rtl', true)).toEqual([[0], [1, 2]]);
  });

  it('shows a centred page alone, and every page alone when there is no room for two', () => {
    expect(spreadsOf(sides('left', 'center', 'left', 'right'), 'ltr', true)).toEqual([[0], [1], [2, 3]]);
    expect(spreadsOf(sides('left', 'right'), 'ltr', false)).toEqual([[0], [1]]);
  });

  it('shows spreads as the book allows, by the shape of the window', () => {
    expect(showsSpreads('none', 2000, 800)).toBe(false);
    expect(showsSpreads('landscape', 1280, 700)).toBe(true);
    expect(showsSpreads('landscape', 700, 1000)).toBe(false);
    expect(showsSpreads('auto', 700, 1000)).toBe(false);
    expect(showsSpreads('both', 700, 1000)).toBe(true);
  });

  it('scales the spread to fit the room, whichever side is tighter', () => {
    const page = { width: 600, height: 800 };
    expect(scaleToFit([page], 300, 2000)).toBe(0.5);
    expect(scaleToFit([page, page], 1200, 400)).toBe(0.5);
    expect(scaleToFit([page, page], 600, 4000)).toBe(0.5);
  });
});

const page = (html: string, css = ''): FixedPage => ({ width: 600, height: 800, side: null, html, styles: [], css, section: 'c1', rootClass: 'book', bodyClass: 'p1' });
const assetUrl = (path: string) => `/content/key/a1/${path}`;

describe('a page made ready to draw', () => {
  it("wraps the page's markup in its stand-ins for html and body, with their classes, and points its pictures at the article's files", () => {
    const fragment = pageContent(page('<img class="art" src="assets/0123456789abcdef0123.png" alt="Fox"><p class="caption">The fox</p>'), assetUrl);
    const root = fragment.firstElementChild!;
    expect(root.localName).toBe('epub-html');
    expect(root.getAttribute('class')).toBe('book');
    expect(root.firstElementChild?.localName).toBe('epub-body');
    expect(root.firstElementChild?.getAttribute('class')).toBe('p1');
    expect(root.querySelector('img')?.getAttribute('src')).toBe('/content/key/a1/assets/0123456789abcdef0123.png');
    expect(root.textContent).toBe('The fox');
  });

  it('removes whatever could act, should the pages file have been written by something else', () => {
    const root = pageContent(
      page('<script>alert(1)</script><img src="http://evil.example/x.png" onerror="alert(1)"><a href="javascript:alert(1)" style="color:red">x</a><iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg><style>*{}</style>'),
      assetUrl,
    ).firstElementChild!;
    expect(root.querySelector('script, iframe, svg, style')).toBeNull();
    expect(root.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(root.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(root.querySelector('a')?.attributes.length).toBe(0);
  });

  it("points the CSS's pictures at the article's files and loads nothing else", () => {
    expect(pageCss('.a{background:url(assets/0123456789abcdef0123.png)}', assetUrl)).toBe('.a{background:url("/content/key/a1/assets/0123456789abcdef0123.png")}');
    expect(pageCss('.a{background:url("http://evil.example/x.png") no-repeat}', assetUrl)).toBe('.a{background:none no-repeat}');
    expect(pageCss(".a{background:url('../../x.png')}", assetUrl)).toBe('.a{background:none}');
  });
});
