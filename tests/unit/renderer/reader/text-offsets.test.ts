import { describe, expect, it } from 'vitest';
import { clearHighlights, drawHighlights, wrapSpan } from '../../../../renderer/reader/highlights';
import { offsetsToRange, rangeToOffsets } from '../../../../renderer/reader/text-offsets';

const NESTED =
  '<h2>Title <em>one</em></h2><p>Alpha <strong>beta <em>gamma</em></strong> delta</p>' +
  '<!-- a comment --><ul>\n<li>first</li>\n<li>se<b></b>cond</li>\n</ul><p>é <a href="#x">link</a>.</p>';

function setup(html = NESTED) {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return { root, text: root.textContent ?? '' };
}

describe('text offsets', () => {
  it('round-trips every span of the text through a Range on nested markup', () => {
    const { root, text } = setup();
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const range = offsetsToRange(root, { start, end })!;
        expect(range.toString()).toBe(text.slice(start, end));
        expect(rangeToOffsets(root, range)).toEqual({ start, end });
      }
    }
    root.remove();
  });

  it('reads ranges whose boundaries sit between elements', () => {
    const { root, text } = setup();
    const strong = root.querySelector('strong')!;
    const range = document.createRange();
    range.selectNode(strong);
    expect(rangeToOffsets(root, range)).toEqual({ start: text.indexOf('beta'), end: text.indexOf(' delta') });

    const list = root.querySelector('ul')!;
    range.setStart(list, 1); // before the first <li>
    range.setEnd(list, list.childNodes.length); // after the last child
    expect(text.slice(...Object.values(rangeToOffsets(root, range)!) as [number, number])).toBe('first\nsecond\n');

    range.setStart(root.querySelector('b')!, 0); // inside an empty element
    range.setEnd(root.querySelector('a')!.firstChild!, 2);
    expect(rangeToOffsets(root, range)).toEqual({ start: text.indexOf('cond'), end: text.indexOf('nk.') });
    root.remove();
  });

  it('clips a selection that starts or ends outside the article', () => {
    const before = document.createElement('p');
    before.textContent = 'toolbar';
    document.body.append(before);
    const { root, text } = setup();
    const range = document.createRange();
    range.setStart(before.firstChild!, 2);
    range.setEnd(root.querySelector('em')!.firstChild!, 2);
    expect(rangeToOffsets(root, range)).toEqual({ start: 0, end: text.indexOf('one') + 2 });

    range.setStart(before.firstChild!, 0);
    range.setEnd(before.firstChild!, 3);
    expect(rangeToOffsets(root, range)).toBeNull();
    before.remove();
    root.remove();
  });
});

describe('highlights', () => {
  it('wraps a span across elements in one mark per text node without changing the text', () => {
    const { root, text } = setup();
    const start = text.indexOf('pha');
    const end = text.indexOf('mma') + 1;
    const marks = wrapSpan(root, { start, end, className: 'quire-highlight', data: { annotationId: 'a1' } });
    expect(marks.map((m) => m.textContent)).toEqual(['pha ', 'beta ', 'gam']);
    expect(marks.every((m) => m.dataset.annotationId === 'a1' && m.className === 'quire-highlight')).toBe(true);
    expect(root.textContent).toBe(text);
    // Offsets still mean the same characters while highlights are shown.
    expect(offsetsToRange(root, { start, end })!.toString()).toBe(text.slice(start, end));
    root.remove();
  });

  it('nests overlapping highlights and clears them back to the original markup', () => {
    const { root, text } = setup();
    const original = root.innerHTML;
    const spans = drawHighlights(root, [
      { start: text.indexOf('Alpha'), end: text.indexOf('delta'), className: 'a' },
      { start: text.indexOf('beta'), end: text.indexOf('first') + 2, className: 'b' },
    ]);
    expect(spans[1]!.map((m) => m.textContent)).toEqual(['beta ', 'gamma', ' ', 'delta', 'fi']);
    expect(root.querySelector('mark.a mark.b')).not.toBeNull();
    expect(root.textContent).toBe(text);
    // Layout whitespace directly inside the list is never wrapped.
    expect(Array.from(root.querySelector('ul')!.children).every((child) => child.tagName === 'LI')).toBe(true);
    clearHighlights(root);
    expect(root.innerHTML).toBe(original);
    root.remove();
  });
});
