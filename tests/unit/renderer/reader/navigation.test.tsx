import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const BOOK =
  '<h2>Loomings</h2><p>Call me Ishmael.<a href="#fn1">1</a></p>' +
  '<h2>The Carpet-Bag</h2><p>I stuffed a shirt or two into my old carpet-bag.</p>' +
  '<h3>The Spouter-Inn</h3><p>Entering that gable-ended Spouter-Inn.</p>' +
  '<p id="fn1">1. A footnote at the end.</p>';

async function openBook(html = BOOK) {
  const api = createFakeApi({
    articles: [makeArticle({ id: 'm1', title: 'Moby-Dick' })],
    contents: new Map([['m1', makeContent('m1', html)]]),
  });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Moby-Dick' }));
  await screen.findByRole('heading', { level: 1, name: 'Moby-Dick' });
  return { ...view, container: document.querySelector<HTMLElement>('.article-content')! };
}

/** jsdom lays nothing out: give each heading a place relative to the reader's top. */
function placeHeadings(container: HTMLElement, tops: number[]) {
  document.querySelector<HTMLElement>('.reader-scroll')!.getBoundingClientRect = () => new DOMRect(0, 0, 800, 600);
  Array.from(container.querySelectorAll<HTMLElement>('h2, h3')).forEach((heading, i) => {
    heading.getBoundingClientRect = () => new DOMRect(0, tops[i]!, 800, 30);
  });
}

describe('Reader navigation', () => {
  it('lists the headings in a table of contents that moves focus to the chosen one', async () => {
    const { user, container } = await openBook();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    await user.click(within(contents).getByRole('button', { name: 'The Carpet-Bag' }));
    expect(container.querySelectorAll('h2')[1]).toHaveFocus();
    expect(container.textContent).toBe(makeContent('m1', BOOK).text);
  });

  it('has no table of contents for a short article', async () => {
    await openBook('<h2>Only</h2><p>One heading.</p>');
    expect(screen.queryByRole('navigation', { name: 'Contents' })).not.toBeInTheDocument();
  });

  it('goes to the next and previous heading with H and Shift+H', async () => {
    const { container } = await openBook();
    placeHeadings(container, [-300, 200, 700]);
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    fireEvent.keyDown(scroller, { key: 'h' });
    expect(container.querySelectorAll('h2')[1]).toHaveFocus();
    fireEvent.keyDown(scroller, { key: 'H', shiftKey: true });
    expect(container.querySelectorAll('h2')[0]).toHaveFocus();
  });

  it('follows a footnote link inside the article, focus included', async () => {
    const { user, container } = await openBook();
    await user.click(within(container).getByRole('link', { name: '1' }));
    expect(container.querySelector('#fn1')).toHaveFocus();
  });
});
