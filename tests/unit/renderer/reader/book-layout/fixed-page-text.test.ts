import { describe, expect, it } from 'vitest';
import { fixedPageLayer, fixedPageOf, fixedPageStarts } from '../../../../../renderer/reader/book/fixed-page-text';
import { fillPageStarts, passageOnPage, selectionAcrossPages } from '../../../../../renderer/reader/pdf/pdf-anchoring';
import { layerOffset, layerRange } from '../../../../../renderer/reader/pdf/pdf-text-layer';

// A picture book as the importer stores it: each page's text a section of the book's HTML; the
// contents gave page 1 a heading of its own, which its page's markup does not have.
const HTML =
  '<section id="c1"><h2>Morning</h2><p>The fox wakes under the old oak.</p></section>' +
  '<section id="c2"><p>The fox finds the river at dusk.</p></section>' +
  '<section id="c3"></section>';
const TEXT = 'MorningThe fox wakes under the old oak.The fox finds the river at dusk.';
const span = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length });

describe('where a fixed-layout page\'s text is in the book\'s text', () => {
  it('starts where its section does, read from the HTML or from the chapters of a long book', () => {
    expect(fixedPageStarts(['c1', 'c2'], { html: HTML, text: TEXT })).toEqual([0, TEXT.indexOf('The fox finds')]);
    const chapters = [
      { anchor: 'c1', label: 'Morning', start: 0, end: 39, words: 8 },
      { anchor: 'c2', label: 'Dusk', start: 39, end: TEXT.length, words: 7 },
    ];
    expect(fixedPageStarts(['c1', 'c2'], { html: '', text: TEXT, chapters })).toEqual([0, 39]);
  });

  it('gives a page without text (or a section not found) the start of the page after it, the last one the end of the text', () => {
    expect(fixedPageStarts(['c1', 'c9', 'c2', 'c3'], { html: HTML, text: TEXT })).toEqual([0, 39, 39, TEXT.length]);
    expect(fillPageStarts([0, undefined, 20, undefined], 30)).toEqual([0, 20, 20, 30]);
  });
});

describe('a passage on a drawn page', () => {
  const drawn = (markup: string) => {
    const host = document.createElement('div');
    host.dataset.page = '2';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = markup;
    return { root, layer: fixedPageLayer(2, root) };
  };

  it('is the page\'s text nodes, in order, and found there by its letters though the markup splits them', () => {
    const { root, layer } = drawn('<p class="caption">The fox <em>finds</em> the river</p><p>at dusk.</p>');
    expect(layer.text).toBe('The fox finds the riverat dusk.');
    const starts = fixedPageStarts(['c1', 'c2'], { html: HTML, text: TEXT });
    const onPage = passageOnPage(TEXT, starts, 2, span('finds the river at'), layer.text)!;
    expect(layerRange(layer, onPage)!.toString()).toBe('finds the riverat');
    expect(fixedPageOf(root.querySelector('em')!.firstChild!)).toBe(2);
    expect(fixedPageOf(document.body)).toBeNull();
  });

  it('is read back from a selection on the page, and across the two pages of a spread', () => {
    const { root, layer } = drawn('<p>The fox finds the river at dusk.</p>');
    const starts = fixedPageStarts(['c1', 'c2'], { html: HTML, text: TEXT });
    const words = root.querySelector('p')!.firstChild!;
    const from = layerOffset(layer, words, 'The fox '.length)!;
    const to = layerOffset(layer, words, 'The fox finds the river'.length)!;
    const selected = selectionAcrossPages(TEXT, starts, { page: 2, layerText: layer.text, offset: from }, { page: 2, layerText: layer.text, offset: to })!;
    expect(TEXT.slice(selected.start, selected.end)).toBe('finds the river');
    // From "old oak." on page 1 to "The fox" on page 2.
    const pageOne = 'The fox wakes under the old oak.';
    const across = selectionAcrossPages(
      TEXT,
      starts,
      { page: 1, layerText: pageOne, offset: pageOne.indexOf('old') },
      { page: 2, layerText: layer.text, offset: 'The fox'.length },
    )!;
    expect(TEXT.slice(across.start, across.end)).toBe('old oak.The fox');
    // Nothing selected, or the end before the start: no passage.
    expect(selectionAcrossPages(TEXT, starts, { page: 2, layerText: layer.text, offset: 5 }, { page: 2, layerText: layer.text, offset: 5 })).toBeNull();
  });
});
