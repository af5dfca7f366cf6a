import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { rowTitles } from '../support/article-rows';
import { renderWithApi } from '../support/render-app';

const library = () => [
  makeArticle({ id: 'a1', title: 'Zebras of the Plains', addedAt: '2024-05-03T10:00:00.000Z', tags: ['Nature'], lang: 'en' }),
  makeArticle({ id: 'a2', title: 'Apples in Autumn', addedAt: '2024-05-02T10:00:00.000Z', readState: 'reading', progress: 0.5, lang: 'fr' }),
  makeArticle({ id: 'a3', title: 'Mountains', addedAt: '2024-05-01T10:00:00.000Z', tags: ['nature', 'Travel'], readState: 'finished', progress: 1 }),
];

describe('Library management', () => {
  it('sorts by title and filters by tag, reading state and language', async () => {
    const api = createFakeApi({ articles: library() });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    expect(rowTitles()).toEqual(['Zebras of the Plains', 'Apples in Autumn', 'Mountains']);

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Title');
    expect(rowTitles()).toEqual(['Apples in Autumn', 'Mountains', 'Zebras of the Plains']);

    // Tags that differ only in case are one tag.
    const tagFilter = screen.getByLabelText('Tag');
    expect(within(tagFilter).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any tag', 'Nature', 'Travel']);
    await user.selectOptions(tagFilter, 'Nature');
    expect(rowTitles()).toEqual(['Mountains', 'Zebras of the Plains']);
    expect(screen.getByText('2 of 3 articles')).toBeInTheDocument();

    await user.selectOptions(tagFilter, 'Any tag');
    await user.selectOptions(screen.getByLabelText('Show'), 'In progress');
    expect(rowTitles()).toEqual(['Apples in Autumn']);

    await user.selectOptions(screen.getByLabelText('Show'), 'All articles');
    await user.selectOptions(screen.getByLabelText('Language'), 'French');
    expect(rowTitles()).toEqual(['Apples in Autumn']);
  });

  it('offers one language for en, en-GB and en_US, and its filter keeps all three', async () => {
    const api = createFakeApi({
      articles: [
        makeArticle({ id: 'b1', title: 'Kettles', addedAt: '2024-05-03T10:00:00.000Z', lang: 'en_US' }),
        makeArticle({ id: 'b2', title: 'Lanterns', addedAt: '2024-05-02T10:00:00.000Z', lang: 'en-GB' }),
        makeArticle({ id: 'b3', title: 'Marmites', addedAt: '2024-05-01T10:00:00.000Z', lang: 'fr' }),
      ],
    });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    const languageFilter = screen.getByLabelText('Language');
    expect(within(languageFilter).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any language', 'English', 'French']);
    await user.selectOptions(languageFilter, 'English');
    expect(rowTitles()).toEqual(['Kettles', 'Lanterns']);
  });

  it('tags the selected articles in bulk (Shift selects a range) and removes a tag from them', async () => {
    const api = createFakeApi({ articles: library() });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });

    await user.click(screen.getByRole('checkbox', { name: 'Select Zebras of the Plains' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Mountains' }));
    await user.keyboard('{/Shift}');
    const bar = screen.getByRole('region', { name: 'Selected articles' });
    expect(within(bar).getByText('3 articles selected')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select Apples in Autumn' }));
    expect(within(bar).getByText('2 articles selected')).toBeInTheDocument();
    await user.type(within(bar).getByLabelText('Tag'), 'To read');
    await user.click(within(bar).getByRole('button', { name: 'Add tag' }));
    expect(api.tagArticles).toHaveBeenCalledWith(['a1', 'a3'], ['To read']);
    const zebraRow = screen.getByRole('button', { name: 'Zebras of the Plains' }).closest('li')!;
    expect(await within(zebraRow).findByText('To read')).toBeInTheDocument();

    await user.click(within(bar).getByRole('button', { name: 'Remove tag To read' }));
    expect(api.untagArticles).toHaveBeenCalledWith(['a1', 'a3'], ['To read']);
    await waitFor(() => expect(within(zebraRow).queryByText('To read')).not.toBeInTheDocument());
  });

  it('moves through rows with the arrow keys, Home and End, and selects with Space and Shift+arrow', async () => {
    const api = createFakeApi({ articles: library() });
    const { user } = renderWithApi(api);
    await screen.findByRole('list', { name: 'Articles' });
    const box = (title: string) => screen.getByRole('checkbox', { name: `Select ${title}` });

    box('Zebras of the Plains').focus();
    await user.keyboard('{ArrowDown}');
    expect(box('Apples in Autumn')).toHaveFocus();
    await user.keyboard('{End}');
    expect(box('Mountains')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(box('Zebras of the Plains')).toHaveFocus();
    await user.keyboard(' ');
    expect(box('Zebras of the Plains')).toBeChecked();
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(box('Apples in Autumn')).toHaveFocus();
    expect(box('Apples in Autumn')).toBeChecked();
    // Only the active row's checkbox is a tab stop; its title and trash button follow it.
    expect(box('Zebras of the Plains')).toHaveAttribute('tabindex', '-1');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Apples in Autumn' })).toHaveFocus();
  });

  it('empties the trash only after a confirmation', async () => {
    const api = createFakeApi({ trash: [makeArticle({ id: 't1', title: 'Old Piece' }), makeArticle({ id: 't2', title: 'Older' })] });
    const { user } = renderWithApi(api);
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    await user.click(await screen.findByRole('button', { name: 'Empty trash' }));
    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' });
    expect(dialog).toHaveTextContent('The 2 articles in the trash will be deleted for good');

    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(api.emptyTrash).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Restore Old Piece' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    await user.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(api.emptyTrash).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
    expect(screen.getByText('Deleted 2 articles for good')).toBeInTheDocument();
  });

  it('imports pasted text as a note and a pasted web address from the web, but leaves pastes into fields alone', async () => {
    const api = createFakeApi();
    const { user } = renderWithApi(api);
    await screen.findByText('Your library is empty.');

    fireEvent.paste(document.body, { clipboardData: { getData: () => 'Call the plumber\nabout the sink' } });
    await screen.findByRole('region', { name: 'Import finished' });
    expect(api.importDocument).toHaveBeenCalledWith({
      fileName: expect.stringMatching(/^Pasted note \d{4}-\d\d-\d\d \d\d\.\d\d\.txt$/),
      dataBase64: btoa('Call the plumber\nabout the sink'),
    });

    fireEvent.paste(document.body, { clipboardData: { getData: () => ' https://example.org/story ' } });
    await waitFor(() => expect(api.importUrl).toHaveBeenCalledWith('https://example.org/story'));

    await user.click(screen.getByRole('searchbox'));
    fireEvent.paste(screen.getByRole('searchbox'), { clipboardData: { getData: () => 'a query' } });
    expect(api.importDocument).toHaveBeenCalledTimes(1);
  });
});
