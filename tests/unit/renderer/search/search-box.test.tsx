import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { createFakeApi, makeArticle, makeContent, errorFromNewerCore } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { searchResultsOf } from '../../../support/search-results';
import { searchHit } from './search-hit';

const hit = searchHit;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const text =
  'Rivers carve valleys. The river remembers every stone. Far downstream, the river meets the sea and the river ends.';
const library = () =>
  createFakeApi({
    articles: [makeArticle({ id: 'r1', title: 'On Rivers' }), makeArticle({ id: 'm1', title: 'Mountains' })],
    contents: new Map([
      ['r1', makeContent('r1', `<p>Rivers carve valleys. The <em>river</em> remembers every stone.</p><p>Far downstream, the river meets the sea and the river ends.</p>`)],
      ['m1', makeContent('m1', '<p>Mountains stand.</p>')],
    ]),
  });

describe('Search', () => {
  it('shows results with marked words, a kind badge and a count', async () => {
    const api = library();
    api.search.mockResolvedValue({
      ok: true,
      value: searchResultsOf([
        hit({ articleId: 'r1', title: 'On Rivers', snippet: 'The <mark>river</mark> remembers' }),
        hit({ articleId: 'r1', title: 'On Rivers', kind: 'note', annotationId: 'n1', snippet: 'my <mark>river</mark> note' }),
      ]),
    });
    const { user } = renderWithApi(api);

    await user.type(screen.getByRole('searchbox', { name: 'Search library' }), 'river');
    // On a busy machine a pause in the typing may send "riv" first: wait for the whole word's query.
    await waitFor(() => expect(api.search).toHaveBeenLastCalledWith('river', { limit: 50 }));
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const options = within(results).getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]!.querySelector('mark')).toHaveTextContent('river');
    expect(within(options[0]!).getByText('Article')).toBeInTheDocument();
    expect(within(options[1]!).getByText('Note')).toBeInTheDocument();
    expect(screen.getByText('1 article · 2 passages (1 note)')).toHaveAttribute('aria-live', 'polite');
  });

  it('groups the hits by article, best article first, with its counts, and the arrow keys follow the groups', async () => {
    const api = library();
    api.search.mockResolvedValue({
      ok: true,
      value: searchResultsOf([
        hit({ articleId: 'r1', title: 'On Rivers', snippet: 'The <mark>river</mark> remembers' }),
        hit({ articleId: 'm1', title: 'Mountains', snippet: '<mark>river</mark> below' }),
        hit({ articleId: 'r1', title: 'On Rivers', kind: 'note', annotationId: 'n1', snippet: 'my <mark>river</mark> note' }),
      ]),
    });
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.type(box, 'river');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const groups = within(results).getAllByRole('group');
    // Each group is named with its article's date and format (carried by its hits) and its counts.
    await waitFor(() =>
      expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual([
        expect.stringMatching(/^On Rivers \(.*2024 · Web page\): 1 passage, 1 note$/),
        expect.stringMatching(/^Mountains \(.*2024 · Web page\): 1 passage$/),
      ]),
    );
    expect(within(groups[0]!).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'ArticleThe river remembers',
      'Notemy river note',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // The second option is the note of the first article, not the second article.
    expect(box).toHaveAttribute('aria-activedescendant', within(groups[0]!).getAllByRole('option')[1]!.id);
  });

  it('never lets a snippet inject markup', async () => {
    const api = library();
    api.search.mockResolvedValue({
      ok: true,
      value: searchResultsOf([hit({ articleId: 'r1', title: 'On Rivers', snippet: '<img src=x onerror=alert(1)> and <mark>river</mark>' })]),
    });
    const { user } = renderWithApi(api);

    await user.type(screen.getByRole('searchbox', { name: 'Search library' }), 'river');
    const option = within(await screen.findByRole('listbox', { name: 'Search results' })).getByRole('option');
    expect(option.querySelector('img')).toBeNull();
    expect(option).toHaveTextContent('<img src=x onerror=alert(1)> and river');
  });

  it('drops an answer that arrives after a newer query was sent', async () => {
    const api = library();
    const answers = new Map<string, ReturnType<typeof deferred<Result<SearchResults>>>>();
    api.search.mockImplementation((query) => {
      const answer = deferred<Result<SearchResults>>();
      answers.set(query, answer);
      return answer.promise;
    });
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.type(box, 'riv');
    await waitFor(() => expect(answers.has('riv')).toBe(true));
    await user.type(box, 'er');
    await waitFor(() => expect(answers.has('river')).toBe(true));

    await act(async () =>
      answers.get('river')!.resolve({ ok: true, value: searchResultsOf([hit({ articleId: 'r1', title: 'Newer answer' })]) }),
    );
    await act(async () =>
      answers.get('riv')!.resolve({ ok: true, value: searchResultsOf([hit({ articleId: 'm1', title: 'Stale answer' })]) }),
    );

    expect(await screen.findByText('Newer answer')).toBeInTheDocument();
    expect(screen.queryByText('Stale answer')).not.toBeInTheDocument();
    expect(screen.getByText('1 article · 1 passage')).toBeInTheDocument();
  });

  it('moves through results with the arrow keys and opens the reader at the passage with Enter', async () => {
    const api = library();
    const passageStart = text.indexOf('river meets');
    api.search.mockResolvedValue({
      ok: true,
      value: searchResultsOf([
        hit({ articleId: 'm1', title: 'Mountains', snippet: 'no match' }),
        hit({
          articleId: 'r1',
          title: 'On Rivers',
          snippet: 'the <mark>river</mark> meets',
          passage: { start: passageStart, end: passageStart + 5 },
          terms: ['river', 'Rivers'],
        }),
      ]),
    });
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.type(box, 'river');
    const options = within(await screen.findByRole('listbox', { name: 'Search results' })).getAllByRole('option');
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'On Rivers' })).toBeInTheDocument();
    expect(screen.queryByRole('listbox', { name: 'Search results' })).not.toBeInTheDocument();
    // Every occurrence is highlighted; the one at the passage is current.
    const matches = document.querySelectorAll('mark.quire-search-match');
    expect(Array.from(matches, (m) => m.textContent)).toEqual(['Rivers', 'river', 'river', 'river']);
    expect(screen.getByText('3 of 4')).toBeInTheDocument();
    expect(matches[2]).toHaveClass('quire-search-current');

    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('4 of 4')).toBeInTheDocument();
    expect(document.querySelectorAll('mark.quire-search-match')[3]).toHaveClass('quire-search-current');
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(screen.getByText('4 of 4')).toBeInTheDocument();
  });

  it('says when nothing matched and shows an error answer', async () => {
    const api = library();
    api.search.mockResolvedValueOnce({ ok: true, value: searchResultsOf([]) });
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.type(box, 'zebra');
    expect(await screen.findByText('No results for “zebra”')).toBeInTheDocument();

    api.search.mockResolvedValueOnce(errorFromNewerCore('invalid-argument', 'The query "+" is incomplete.'));
    await user.clear(box);
    await user.type(box, '+{Enter}');
    expect(await screen.findByText('The query "+" is incomplete.')).toBeInTheDocument();
  });

  it('is focused by Ctrl+K anywhere and by "/" when not typing; Escape clears it', async () => {
    const api = library();
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.click(await screen.findByRole('button', { name: 'Move On Rivers to trash' }));
    await user.keyboard('{Control>}k{/Control}');
    expect(box).toHaveFocus();
    await user.type(box, 'stone/');
    expect(box).toHaveValue('stone/');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');

    box.blur();
    await user.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
  });
});
