import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { rowTitles } from '../support/article-rows';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const books = () => [
  makeArticle({
    id: 'm1',
    title: 'Moby-Dick',
    format: 'epub',
    byline: 'Herman Melville',
    siteName: 'Harper & Brothers',
    addedAt: '2024-05-04T10:00:00.000Z',
  }),
  makeArticle({ id: 'w1', title: 'Weather Today', byline: 'By Zoe Adams', siteName: 'Daily Sky', addedAt: '2024-05-03T10:00:00.000Z' }),
  makeArticle({ id: 'n1', title: 'No Name Given', addedAt: '2024-05-02T10:00:00.000Z' }),
  makeArticle({ id: 'a1', title: 'Aesop Retold', byline: 'Anna Berg', format: 'pdf', addedAt: '2024-05-01T10:00:00.000Z' }),
];

const row = (title: string) => screen.getByRole('button', { name: title }).closest('li') as HTMLElement;

/** What a row says of the reading progress (screen readers hear "Progress: …"). */
const progressOf = (title: string) => row(title).querySelector('.progress-badge')?.textContent;

/** The library of books() on screen, with Moby-Dick's Edit details dialog open. */
async function editDetailsOfMobyDick() {
  const api = createFakeApi({ articles: books() });
  const { user } = renderWithApi(api);
  await screen.findByRole('list', { name: 'Articles' });
  await user.click(screen.getByRole('button', { name: 'Edit details of Moby-Dick' }));
  const dialog = screen.getByRole('dialog', { name: 'Edit details' });
  return { api, user, dialog, title: within(dialog).getByLabelText('Title') };
}

describe('Library metadata', () => {
  it("shows a book's author, not its publisher, and a web page's author beside its site", async () => {
    renderWithApi(createFakeApi({ articles: books() }));
    await screen.findByRole('list', { name: 'Articles' });
    expect(within(row('Moby-Dick')).getByText('Herman Melville')).toBeInTheDocument();
    expect(within(row('Moby-Dick')).queryByText('Harper & Brothers')).not.toBeInTheDocument();
    expect(within(row('Weather Today')).getByText('By Zoe Adams')).toBeInTheDocument();
    expect(within(row('Weather Today')).getByText('Daily Sky')).toBeInTheDocument();
  });

  it('sorts by author, ignoring a leading "By", with articles that name none last', async () => {
    const { user } = renderWithApi(createFakeApi({ articles: books() }));
    await screen.findByRole('list', { name: 'Articles' });
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Author');
    expect(rowTitles()).toEqual(['Aesop Retold', 'Moby-Dick', 'Weather Today', 'No Name Given']);
  });

  it('marks a finished article unread again and an unread one read, visible in the row', async () => {
    const api = createFakeApi({
      articles: [
        makeArticle({ id: 'f1', title: 'Finished Piece', readState: 'finished', progress: 1, position: 900 }),
        makeArticle({ id: 'u1', title: 'Fresh Piece', addedAt: '2024-04-01T10:00:00.000Z' }),
      ],
    });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    expect(progressOf('Finished Piece')).toBe('Progress: finished');

    await user.click(screen.getByRole('button', { name: 'Mark Finished Piece unread' }));
    expect(api.setReadState).toHaveBeenCalledWith(['f1'], 'unread');
    expect(await screen.findByText('Marked “Finished Piece” unread')).toBeInTheDocument();
    expect(progressOf('Finished Piece')).toBe('Progress: unread');
    expect(screen.getByRole('button', { name: 'Mark Finished Piece read' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark Fresh Piece read' }));
    expect(api.setReadState).toHaveBeenLastCalledWith(['u1'], 'finished');
    expect(await screen.findByRole('button', { name: 'Mark Fresh Piece unread' })).toBeInTheDocument();
    expect(progressOf('Fresh Piece')).toBe('Progress: finished');
  });

  it('edits title, author and tags from the row; an empty title is refused in a sentence and nothing is sent', async () => {
    const { api, user, dialog, title } = await editDetailsOfMobyDick();
    expect(title).toHaveFocus();
    await user.clear(title);
    await user.type(title, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A title cannot be empty.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(api.editArticle).not.toHaveBeenCalled();

    await user.type(title, 'The Whale');
    const author = within(dialog).getByLabelText('Author');
    await user.clear(author);
    await user.type(author, 'H. Melville');
    await user.type(within(dialog).getByLabelText('Tags, separated by commas'), 'Sea, Classics,');
    await user.keyboard('{Enter}');
    expect(api.editArticle).toHaveBeenCalledWith('m1', { title: 'The Whale', byline: 'H. Melville', tags: ['Sea', 'Classics'] });
    expect(await screen.findByText('Saved the details of “The Whale”')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(row('The Whale')).getByText('H. Melville')).toBeInTheDocument();
    expect(within(row('The Whale')).getByText('Classics')).toBeInTheDocument();
    // Focus goes back to the row's Edit button, as after any dialog.
    expect(screen.getByRole('button', { name: 'Edit details of The Whale' })).toHaveFocus();
  });

  it('edits a title as one line of text that wraps: Enter saves, a pasted line break is a space', async () => {
    const { api, user, title } = await editDetailsOfMobyDick();
    // A field of several lines, so a long title is shown whole.
    expect(title).toHaveRole('textbox');
    expect(title.tagName).toBe('TEXTAREA');
    await user.clear(title);
    await user.click(title);
    await user.paste('Moby-Dick;\nor, The Whale');
    expect(title).toHaveValue('Moby-Dick; or, The Whale');
    await user.keyboard('{Enter}');
    expect(api.editArticle).toHaveBeenCalledWith('m1', { title: 'Moby-Dick; or, The Whale', byline: 'Herman Melville', tags: [] });
    expect(await screen.findByText('Saved the details of “Moby-Dick; or, The Whale”')).toBeInTheDocument();
  });

  it('acts on a selection: mark read and unread, export, move to trash with Undo', async () => {
    const downloads: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:zip');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const api = createFakeApi({ articles: books() });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Moby-Dick' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Weather Today' }));
    const actions = screen.getByRole('group', { name: 'Actions on the selected articles' });

    await user.click(within(actions).getByRole('button', { name: 'Mark read' }));
    expect(api.setReadState).toHaveBeenCalledWith(['m1', 'w1'], 'finished');
    expect(await screen.findByText('Marked 2 articles read')).toBeInTheDocument();
    expect(progressOf('Moby-Dick')).toBe('Progress: finished');
    expect(progressOf('Weather Today')).toBe('Progress: finished');

    await user.click(within(actions).getByRole('button', { name: 'Export' }));
    expect(api.exportArticles).toHaveBeenCalledWith(['m1', 'w1']);
    await waitFor(() => expect(downloads).toEqual(['Quire 2 articles.zip']));

    await user.click(within(actions).getByRole('button', { name: 'Move to trash' }));
    expect(api.deleteArticles).toHaveBeenCalledWith(['m1', 'w1']);
    const status = (await screen.findByText('Moved 2 articles to trash')).closest('[role="status"]') as HTMLElement;
    expect(rowTitles()).toEqual(['No Name Given', 'Aesop Retold']);
    // The bar went with the selection; focus is not lost with it.
    expect(screen.queryByRole('group', { name: 'Actions on the selected articles' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toHaveFocus();

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(api.restoreArticles).toHaveBeenCalledWith(['m1', 'w1']);
    expect(await screen.findByRole('button', { name: 'Moby-Dick' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Weather Today' })).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('restores the articles selected in the trash at once', async () => {
    const api = createFakeApi({ articles: [], trash: books() });
    const { user } = renderWithApi(api);
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select Moby-Dick' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Aesop Retold' }));
    await user.click(screen.getByRole('button', { name: 'Restore 2 selected' }));
    expect(api.restoreArticles).toHaveBeenCalledWith(['m1', 'a1']);
    expect(await screen.findByText('Restored 2 articles to the library')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select Moby-Dick' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Weather Today' })).toBeInTheDocument();
  });

  it('shows the library as a grid of covers, the arrow keys moving between cards', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeArticle({ id: `g${i}`, title: `Volume ${i}`, addedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, 12 - i)).toISOString() }),
    );
    many[0] = { ...many[0]!, cover: 'assets/cover.jpg' };
    const { user } = renderWithApi(createFakeApi({ articles: many }));
    await screen.findByRole('list', { name: 'Articles' });
    const layout = screen.getByRole('group', { name: 'Show the library as' });
    expect(within(layout).getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(layout).getByRole('button', { name: 'Covers' }));
    expect(within(layout).getByRole('button', { name: 'Covers' })).toHaveAttribute('aria-pressed', 'true');
    const grid = screen.getByRole('list', { name: 'Articles' });
    const cards = within(grid).getAllByRole('listitem');
    const card = (index: number) => cards.find((c) => c.getAttribute('aria-posinset') === String(index + 1))!;
    expect(card(0)).toHaveAttribute('aria-setsize', '12');
    expect(card(0).querySelector('img')?.getAttribute('src')).toMatch(/\/g0\/assets\/cover\.jpg$/);
    // Without a cover, the title's first letter stands in.
    expect(card(1).querySelector('img')).toBeNull();
    expect(card(1)).toHaveTextContent(/^VVolume 1/);

    within(card(0)).getByRole('button', { name: 'Volume 0' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Volume 1' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Volume 0' })).toHaveFocus();
    // Down is the same column a row further: as many cards on as there are columns.
    const columns = cards.filter((other) => other.parentElement === card(0).parentElement).length;
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: `Volume ${columns}` })).toHaveFocus();
  });

  it('opens in the layout chosen before (a setting, kept by the core) and saves a new choice', async () => {
    const api = createFakeApi({ articles: [makeArticle({ id: 'c1', title: 'Covered' })] });
    api.library.settings = { ...api.library.settings, libraryLayout: 'grid' };
    const first = renderWithApi(api);
    const layout = await screen.findByRole('group', { name: 'Show the library as' });
    await waitFor(() => expect(within(layout).getByRole('button', { name: 'Covers' })).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getByRole('list', { name: 'Articles' }).querySelector('.article-card')).not.toBeNull();

    await first.user.click(within(layout).getByRole('button', { name: 'List' }));
    await waitFor(() => expect(api.library.settings.libraryLayout).toBe('list'));
    first.unmount();
    // Started again over the same core: the list, as it was left.
    renderWithApi(api);
    const again = await screen.findByRole('group', { name: 'Show the library as' });
    expect(within(again).getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  });
});
