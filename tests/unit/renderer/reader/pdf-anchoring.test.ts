import { describe, expect, it } from 'vitest';
import { pageStartsOf, passageOnPage, selectionToPassage } from '../../../../renderer/reader/pdf/pdf-anchoring';

// An article as the importer stores it: one string, paragraphs on lines, the hyphenated word mended,
// the running header and page numbers gone; and the two pages' text layers as pdf.js reads them.
const HTML =
  '<h2><span id="page-1"></span>Whales</h2><p>The whale is large. The whale has recognised the ship, and the</p>' +
  '<p><span id="page-2"></span>ship is large too. The whale dives.</p>';
const TEXT = 'WhalesThe whale is large. The whale has recognised the ship, and the' + 'ship is large too. The whale dives.';
const PAGE_ONE = 'Journal of Whales, Vol. 3Whales The whale is large. The whale has recog-nised the ship, and the 1';
const PAGE_TWO = 'Journal of Whales, Vol. 3ship is large too. The whale dives. 2';

const span = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length };
};
const starts = () => pageStartsOf(HTML);

describe('page starts', () => {
  it('are the offsets of the importer\'s page markers in the text', () => {
    expect(starts()).toEqual([0, TEXT.indexOf('ship is large too')]);
    expect(TEXT.slice(starts()[1])).toMatch(/^ship is large too/);
  });
});

describe('a passage on a page of the text layer', () => {
  it('is found by its letters, across a word hyphenated at a line end', () => {
    const found = passageOnPage(TEXT, starts(), 1, span(TEXT, 'has recognised the'), PAGE_ONE)!;
    expect(PAGE_ONE.slice(found.start, found.end)).toBe('has recog-nised the');
  });

  it('is the occurrence at its own place on the page when its words occur twice', () => {
    const second = span(TEXT, 'The whale', TEXT.indexOf('large'));
    const found = passageOnPage(TEXT, starts(), 1, second, PAGE_ONE)!;
    expect(found.start).toBe(PAGE_ONE.indexOf('The whale', PAGE_ONE.indexOf('large')));
  });

  it('is split at the page break: each page shows its own part', () => {
    const across = span(TEXT, 'and theship is');
    const one = passageOnPage(TEXT, starts(), 1, across, PAGE_ONE)!;
    const two = passageOnPage(TEXT, starts(), 2, across, PAGE_TWO)!;
    expect(PAGE_ONE.slice(one.start, one.end)).toBe('and the');
    expect(PAGE_TWO.slice(two.start, two.end)).toBe('ship is');
  });

  it('is nothing on a page whose layer does not hold its letters', () => {
    expect(passageOnPage(TEXT, starts(), 1, span(TEXT, 'dives'), PAGE_ONE)).toBeNull();
  });
});

describe('a selection on a page', () => {
  it('is the passage of the text with the same letters, the hyphen mended', () => {
    const selected = span(PAGE_ONE, 'recog-nised the ship');
    const passage = selectionToPassage(TEXT, starts(), 1, PAGE_ONE, selected)!;
    expect(TEXT.slice(passage.start, passage.end)).toBe('recognised the ship');
  });

  it('of repeated words is the one at the same place', () => {
    const selected = span(PAGE_ONE, 'The whale', PAGE_ONE.indexOf('large'));
    const passage = selectionToPassage(TEXT, starts(), 1, PAGE_ONE, selected)!;
    expect(passage.start).toBe(TEXT.indexOf('The whale', TEXT.indexOf('large')));
  });

  it('on a running header or a page number is no passage (the text does not hold them)', () => {
    expect(selectionToPassage(TEXT, starts(), 2, PAGE_TWO, span(PAGE_TWO, 'Journal of Whales, Vol. 3'))).toBeNull();
  });
});
