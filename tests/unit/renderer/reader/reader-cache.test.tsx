/**
 * The reader reads from the page's query cache: an article opened again shows at once, where the
 * reader left it, and another process's change to the open article swaps its text in without
 * taking the article off the screen.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleContent, ArticleMeta } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { App } from '../../../../renderer/App';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { eventSource } from '../support/event-source';
import { renderWithApi } from '../support/render-app';
import type * as ReadingPosition from '../../../../renderer/reader/reading-position';

// jsdom lays nothing out: the reader is "scrolled" to character 120, and restoring is recorded.
const restoredTo = vi.hoisted(() => [] as number[]);
vi.mock('../../../../renderer/reader/reading-position', async (original) => ({
  ...(await original<typeof ReadingPosition>()),
  measureReadingProgress: () => ({ progress: 0.5, position: 120 }),
  scrollToTextOffset: (_scroller: HTMLElement, _container: HTMLElement, offset: number) => restoredTo.push(offset),
}));

function libraryWithOneArticle() {
  return createFakeApi({
    articles: [makeArticle({ id: 'a1', title: 'Harbour Morning' })],
    contents: new Map([['a1', makeContent('a1', '<p>The boats left the quiet harbour.</p>')]]),
  });
}

const openArticle = () => fireEvent.click(screen.getByRole('button', { name: 'Harbour Morning' }));
const backToLibrary = () => fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));

describe('the reader and the query cache', () => {
  it('shows an article opened again at once, without asking the core again', async () => {
    const api = libraryWithOneArticle();
    renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    openArticle();
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    backToLibrary();
    await screen.findByRole('list', { name: 'Articles' });

    openArticle();
    // In the same render as the click: no "Loading the article…" in between.
    expect(screen.getByRole('heading', { level: 1, name: 'Harbour Morning' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the article…')).toBeNull();
    expect(screen.getByText('The boats left the quiet harbour.')).toBeInTheDocument();
    expect(api.getContent).toHaveBeenCalledTimes(1);
  });

  it('opens an article again where the reader left it', async () => {
    const api = libraryWithOneArticle();
    renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    openArticle();
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    fireEvent.scroll(document.querySelector('.reader-scroll')!);
    backToLibrary();
    await waitFor(() => expect(api.setProgress).toHaveBeenCalledWith('a1', { progress: 0.5, position: 120 }));
    await screen.findByRole('list', { name: 'Articles' });

    restoredTo.length = 0;
    openArticle();
    await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });
    expect(restoredTo).toEqual([120]);
  });

  it('swaps in the new text another process gave the open article, keeping the old one on screen meanwhile', async () => {
    const api = libraryWithOneArticle();
    const { source, libraryChanged } = eventSource();
    renderWithApi(api, <App />, null, source);
    await screen.findByRole('list', { name: 'Articles' });
    openArticle();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Harbour Morning' });

    let answer: (result: Result<ArticleContent>) => void = () => {};
    api.getContent.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    api.library.articles[0] = { ...api.library.articles[0], title: 'Harbour Evening' } as ArticleMeta;
    libraryChanged(['a1']);
    await waitFor(() => expect(api.getContent).toHaveBeenCalledTimes(2));
    expect(screen.getByText('The boats left the quiet harbour.')).toBeInTheDocument();
    expect(screen.queryByText('Loading the article…')).toBeNull();

    answer({ ok: true, value: makeContent('a1', '<p>The boats came back to the harbour.</p>') });
    expect(await screen.findByText('The boats came back to the harbour.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Harbour Evening' })).toBeInTheDocument();
    // The same reader, not a new one opened at the top.
    expect(heading.isConnected).toBe(true);
  });
});
