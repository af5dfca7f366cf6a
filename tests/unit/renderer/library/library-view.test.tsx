import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { createFakeApi, makeArticle, errorFromNewerCore } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const articles = [
  makeArticle({
    id: 'a1',
    title: 'The Long Road',
    siteName: 'Field Notes',
    publishedAt: '2023-03-14T00:00:00.000Z',
    wordCount: 2400,
  }),
  makeArticle({ id: 'a2', title: 'Half Read', readState: 'reading', progress: 0.42, wordCount: 1 }),
  makeArticle({ id: 'a3', title: 'Done With It', readState: 'finished', progress: 1 }),
];

describe('Library view', () => {
  it('lists every article with its site, date, length and progress', async () => {
    const api = createFakeApi({ articles: articles.map((a) => ({ ...a })) });
    renderWithApi(api);

    const list = await screen.findByRole('list', { name: 'Articles' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);

    const first = within(rows[0]!);
    expect(first.getByRole('button', { name: 'The Long Road' })).toBeInTheDocument();
    expect(first.getByText('Field Notes')).toBeInTheDocument();
    expect(first.getByText(/^Published /)).toHaveAttribute('datetime', '2023-03-14T00:00:00.000Z');
    expect(first.getByText('2,400 words')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('unread');
    expect(rows[1]).toHaveTextContent('42%');
    expect(within(rows[1]!).getByText('1 word')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(/^Added /)).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('finished');
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it('shows the newest articles while the whole library is on its way; the count is there, the filters wait for it', async () => {
    // 150 articles, the newest added last.
    const library = Array.from({ length: 150 }, (_, i) =>
      makeArticle({ id: `a${i}`, title: `Article number ${i}`, addedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() }),
    );
    const api = createFakeApi({ articles: library.map((a) => ({ ...a })) });
    let answerWhole: (result: Result<ArticleMeta[]>) => void = () => {};
    const answered = api.listArticles.getMockImplementation()!;
    api.listArticles.mockImplementation((query) =>
      query === undefined ? new Promise((resolve) => (answerWhole = resolve)) : answered(query),
    );
    renderWithApi(api);

    const list = await screen.findByRole('list', { name: 'Articles' });
    // Rows are virtualized: each row says where it stands and how long the list is (what a screen
    // reader announces). Article n is the (150 − n)th newest.
    const rows = () => within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem');
    const listLength = (): string | null => rows()[0]!.getAttribute('aria-setsize');
    const newestFirst = (): boolean =>
      rows().every((row) => Number(row.getAttribute('aria-posinset')) === 150 - Number(row.getAttribute('data-article-id')!.slice(1)));
    expect(rows().length).toBeGreaterThan(0);
    expect(newestFirst()).toBe(true);
    expect(listLength()).toBe('100');
    expect(list).toHaveAttribute('aria-busy', 'true');
    // The library's count is already there (from its facets), where it stays.
    expect(await screen.findByText('150 articles')).toBeInTheDocument();
    expect(screen.queryByText('100 articles')).toBeNull();
    // The filters are in place (the rows will not move) but not usable: their choices are not known yet.
    const filters = () => within(screen.getByRole('group', { name: 'Sort and filter' })).getAllByRole('combobox');
    expect(filters()).toHaveLength(5);
    for (const select of filters()) expect(select).toBeDisabled();

    answerWhole(await answered());
    await waitFor(() => expect(screen.getByRole('list', { name: 'Articles' })).toHaveAttribute('aria-busy', 'false'));
    expect(screen.getByText('150 articles')).toBeInTheDocument();
    for (const select of filters()) expect(select).toBeEnabled();
    expect(listLength()).toBe('150');
    expect(newestFirst()).toBe(true);
  });

  it('shows a hint when the library is empty', async () => {
    renderWithApi(createFakeApi());
    expect(await screen.findByText('Your library is empty.')).toBeInTheDocument();
    expect(screen.getByText(/drop files or folders on this window/)).toBeInTheDocument();
  });

  it('moves an article to the trash and Undo brings it back', async () => {
    const api = createFakeApi({ articles: articles.map((a) => ({ ...a })) });
    const { user } = renderWithApi(api);

    await user.click(await screen.findByRole('button', { name: 'Move Half Read to trash' }));
    expect(api.deleteArticle).toHaveBeenCalledWith('a2');
    expect(screen.queryByRole('button', { name: 'Half Read' })).not.toBeInTheDocument();
    const status = screen.getByText('Moved to trash').closest('[role="status"]') as HTMLElement;
    expect(status).not.toBeNull();

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(api.restoreArticle).toHaveBeenCalledWith('a2');
    expect(await screen.findByRole('button', { name: 'Half Read' })).toBeInTheDocument();
  });

  it('lists trashed articles and restores them', async () => {
    const api = createFakeApi({ articles: [], trash: [makeArticle({ id: 't1', title: 'Old Piece' })] });
    const { user } = renderWithApi(api);

    await user.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Trash' })).toHaveFocus();
    await user.click(await screen.findByRole('button', { name: 'Restore Old Piece' }));
    expect(api.restoreArticle).toHaveBeenCalledWith('t1');
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
    expect(screen.getByText('Restored “Old Piece” to the library')).toBeInTheDocument();
  });

  it('reports a failed call as a message instead of crashing', async () => {
    const api = createFakeApi();
    api.listArticles.mockResolvedValue(errorFromNewerCore('io', 'The disk is gone.'));
    renderWithApi(api);
    const message = await screen.findByText(/The disk is gone\./);
    expect(message.closest('[role="alert"]')).not.toBeNull();
  });
});
