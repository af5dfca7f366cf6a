import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { filterBookmarks, NO_FILTER } from '../../../../renderer/bookmarks/bookmark-filters';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { annotationOn } from '../support/annotation-on';

const harbour = makeContent('a1', '<p>The boats left the quiet harbour at dawn.</p><p>Gulls follow them out to sea.</p>');
const cities = makeContent('a2', '<p>Cities grow along rivers and coasts.</p>');

function library() {
  const articles: ArticleMeta[] = [
    makeArticle({ id: 'a1', title: 'Harbour Morning', tags: ['sea'] }),
    makeArticle({ id: 'a2', title: 'River Cities', tags: ['geography'] }),
  ];
  const annotations = [
    annotationOn(harbour, 'Gulls follow them', { id: 'gulls', color: 'green', createdAt: '2024-03-01T00:00:00.000Z', note: 'birds **always**' }),
    annotationOn(harbour, 'quiet harbour', { id: 'quiet', color: 'yellow', createdAt: '2024-01-01T00:00:00.000Z' }),
    annotationOn(cities, 'grow along rivers', { id: 'rivers', color: 'blue', createdAt: '2024-02-01T00:00:00.000Z' }),
    annotationOn(cities, 'a sentence that was removed', { id: 'lost', color: 'pink', note: 'what was this?', anchorState: 'unplaced' }),
    { ...annotationOn(harbour, 'boats', { id: 'a-note' }), kind: 'note' as const, note: 'Only in Notes' },
  ];
  return createFakeApi({ articles, contents: new Map([['a1', harbour], ['a2', cities]]), annotations });
}

async function openBookmarks() {
  const api = library();
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Bookmarks' }));
  const list = await screen.findByRole('list', { name: 'Bookmarks' });
  return { api, ...view, list };
}

const quotes = (list: HTMLElement) => within(list).queryAllByRole('listitem').map((item) => item.querySelector('q')?.textContent);

describe('Bookmarks view', () => {
  it('lists every bookmark of the library, newest first, with its article; notes are not bookmarks', async () => {
    const { list } = await openBookmarks();
    expect(screen.getByRole('heading', { level: 1, name: 'Bookmarks' })).toHaveFocus();
    expect(quotes(list)).toEqual(['Gulls follow them', 'grow along rivers', 'quiet harbour']);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Harbour Morning');
    expect(within(list).getByText('always').tagName).toBe('STRONG');
    expect(screen.queryByText('Only in Notes')).not.toBeInTheDocument();
  });

  it('lets quotes and notes find their own direction, so Arabic reads right to left in a left-to-right page', async () => {
    const { list } = await openBookmarks();
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first.querySelector('q')).toHaveAttribute('dir', 'auto');
    expect(first.querySelector('.note-text')).toHaveAttribute('dir', 'auto');
  });

  it('filters by colour, article and tag, and sorts by position', async () => {
    const { user, list } = await openBookmarks();
    const filters = within(screen.getByRole('group', { name: 'Filter and sort' }));
    await user.selectOptions(filters.getByRole('combobox', { name: 'Colour' }), 'green');
    expect(quotes(list)).toEqual(['Gulls follow them']);
    await user.selectOptions(filters.getByRole('combobox', { name: 'Colour' }), 'all');
    await user.selectOptions(filters.getByRole('combobox', { name: 'Article' }), 'a2');
    expect(quotes(list)).toEqual(['grow along rivers']);
    await user.selectOptions(filters.getByRole('combobox', { name: 'Article' }), 'all');
    await user.selectOptions(filters.getByRole('combobox', { name: 'Tag' }), 'sea');
    await user.selectOptions(filters.getByRole('combobox', { name: 'Sort' }), 'position');
    expect(quotes(list)).toEqual(['quiet harbour', 'Gulls follow them']);
  });

  it('lists the passages that could not be placed apart, with their quote and note', async () => {
    await openBookmarks();
    const unplaced = screen.getByRole('list', { name: 'Bookmarks not placed' });
    expect(within(unplaced).getByText('a sentence that was removed')).toBeInTheDocument();
    expect(within(unplaced).getByText('what was this?')).toBeInTheDocument();
    expect(within(unplaced).getByText('not found in the current text')).toBeInTheDocument();
    expect(screen.getByText('3 bookmarks, 1 not placed')).toBeInTheDocument();
  });

  it('recolours a bookmark from its menu', async () => {
    const { api, user, list } = await openBookmarks();
    const item = within(list).getAllByRole('listitem')[2]!;
    await user.selectOptions(within(item).getByRole('combobox', { name: 'Colour' }), 'purple');
    expect(api.updateAnnotation).toHaveBeenCalledWith('a1', 'quiet', { color: 'purple' });
    expect(await screen.findByText('Colour changed')).toBeInTheDocument();
  });

  it('deletes a bookmark, and Undo puts the very same one back', async () => {
    const { api, user, list } = await openBookmarks();
    const item = within(list).getAllByRole('listitem')[0]!;
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(api.deleteAnnotation).toHaveBeenCalledWith('a1', 'gulls');
    expect(quotes(list)).toEqual(['grow along rivers', 'quiet harbour']);
    const toast = screen.getByText('Bookmark deleted').closest('[role="status"]') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(api.restoreAnnotation).toHaveBeenCalledWith(expect.objectContaining({ id: 'gulls', color: 'green', note: 'birds **always**' }));
    await waitFor(() => expect(quotes(list)).toEqual(['Gulls follow them', 'grow along rivers', 'quiet harbour']));
  });

  it('edits the note in the dialog', async () => {
    const { api, user, list } = await openBookmarks();
    const item = within(list).getAllByRole('listitem')[1]!;
    await user.click(within(item).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit bookmark' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Rivers first');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(api.updateAnnotation).toHaveBeenCalledWith('a2', 'rivers', { color: 'blue', note: 'Rivers first' });
    expect(await within(list).findByText('Rivers first')).toBeInTheDocument();
  });

  it('opens the reader at the passage, highlighted and focused', async () => {
    const { user, list } = await openBookmarks();
    await user.click(within(list).getByRole('button', { name: /grow along rivers/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'River Cities' })).toBeInTheDocument();
    await waitFor(() => {
      const mark = document.querySelector<HTMLElement>('mark[data-annotation-id="rivers"]');
      expect(mark).toHaveTextContent('grow along rivers');
      expect(mark).toHaveFocus();
    });
    expect(screen.queryByRole('group', { name: 'Search matches' })).not.toBeInTheDocument();
  });
});

describe('filterBookmarks', () => {
  it('matches tags without regard to case', () => {
    const articles = new Map([['a1', makeArticle({ id: 'a1', title: 'A', tags: ['Sea'] })]]);
    const bookmark = annotationOn(harbour, 'quiet harbour', { articleId: 'a1' });
    expect(filterBookmarks([bookmark], articles, { ...NO_FILTER, tag: 'sea' })).toEqual([bookmark]);
    expect(filterBookmarks([bookmark], articles, { ...NO_FILTER, tag: 'land' })).toEqual([]);
  });

  it('matches tags as the library does: accents count, case does not', () => {
    const articles = new Map([['a1', makeArticle({ id: 'a1', title: 'A', tags: ['Résumé', 'ÉTÉ'] })]]);
    const bookmark = annotationOn(harbour, 'quiet harbour', { articleId: 'a1' });
    expect(filterBookmarks([bookmark], articles, { ...NO_FILTER, tag: 'rÉsumÉ' })).toEqual([bookmark]);
    expect(filterBookmarks([bookmark], articles, { ...NO_FILTER, tag: 'été' })).toEqual([bookmark]);
    expect(filterBookmarks([bookmark], articles, { ...NO_FILTER, tag: 'resume' })).toEqual([]);
  });
});
