import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
