import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { measureReadingProgress, scrollToTextOffset } from '../../../../renderer/reader/reading-position';
import { rangeToOffsets } from '../../../../renderer/reader/text-offsets';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

/**
 * A fake layout for jsdom: ten characters per line, 20 px per line, in a scroller whose top is at
 * y = 0. Enough to check that measuring and restoring agree.
 */
function fakeLayout(container: HTMLElement, scroller: { scrollTop: number }) {
  Range.prototype.getBoundingClientRect = function (this: Range) {
    const offsets = rangeToOffsets(container, this) ?? { start: 0, end: 0 };
    const line = Math.floor(offsets.start / 10);
    const lastLine = Math.floor(Math.max(offsets.start, offsets.end - 1) / 10);
    const top = line * 20 - scroller.scrollTop;
    const bottom = lastLine * 20 + 18 - scroller.scrollTop;
    return { top, bottom, left: 0, right: 100, width: 100, height: bottom - top, x: 0, y: top } as DOMRect;
  };
  Range.prototype.getClientRects = function (this: Range) {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  };
}

/** `html` in a container on the page, in a 200 px high scroller of 1000 px laid out as fakeLayout says. */
function laidOutText(html: string): { container: HTMLElement; scroller: HTMLElement } {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const scroller = document.createElement('div');
  let scrollTop = 0;
  Object.defineProperties(scroller, {
    scrollTop: { get: () => scrollTop, set: (value: number) => (scrollTop = value) },
    scrollHeight: { value: 1000 },
    clientHeight: { value: 200 },
  });
  fakeLayout(container, scroller);
  return { container, scroller };
}

afterEach(() => {
  delete (Range.prototype as Partial<Range>).getBoundingClientRect;
  delete (Range.prototype as Partial<Range>).getClientRects;
});

describe('reading position', () => {
  it('measures the first visible character and scrolls back to exactly it', () => {
    const { container, scroller } = laidOutText(`<p>${'abcdefghij'.repeat(3)}<em>${'klmnopqrst'.repeat(4)}</em></p><p>${'uvwxyz0123'.repeat(5)}</p>`);
    scroller.scrollTop = 45;
    expect(measureReadingProgress(scroller, container)).toEqual({ progress: 0.056, position: 20 });

    scrollToTextOffset(scroller, container, 57);
    const restored = measureReadingProgress(scroller, container);
    expect(restored.position).toBe(50);
    scrollToTextOffset(scroller, container, restored.position);
    expect(measureReadingProgress(scroller, container).position).toBe(50);
    container.remove();
  });

  it('measures the text as it is now after the text changed in the same task, not as it was at the last measure', () => {
    const { container, scroller } = laidOutText(`<p>${'abcdefghij'.repeat(3)}</p><p>${'klmnopqrst'.repeat(3)}</p>`);
    scroller.scrollTop = 45;
    // The third line (characters 20–29) is the first reaching below the top.
    expect(measureReadingProgress(scroller, container).position).toBe(20);
    // Twenty characters more before it, and scrolled two lines on: the same text at the top, now characters 40–49.
    container.prepend(Object.assign(document.createElement('p'), { textContent: 'ABCDEFGHIJ' }));
    (container.querySelector('p:nth-child(2)')!.firstChild as Text).insertData(0, 'KLMNOPQRST');
    scroller.scrollTop = 85;
    expect(measureReadingProgress(scroller, container).position).toBe(40);
    container.remove();
  });

  it('saves progress when the reader closes after a scroll', async () => {
    const api = createFakeApi({
      articles: [makeArticle({ id: 'p1', title: 'Long Read' })],
      contents: new Map([['p1', makeContent('p1', '<p>Some text to read.</p>')]]),
    });
    const { user } = renderWithApi(api);
    await user.click(await screen.findByRole('button', { name: 'Long Read' }));
    await screen.findByRole('heading', { level: 1, name: 'Long Read' });

    fireEvent.scroll(document.querySelector('.reader-scroll')!);
    await user.click(screen.getByRole('button', { name: 'Back to library' }));
    expect(api.setProgress).toHaveBeenCalledWith('p1', { progress: 1, position: 0 });
    const list = await screen.findByRole('list', { name: 'Articles' });
    expect(await within(list).findByText('finished', { exact: false })).toBeInTheDocument();
  });
});
