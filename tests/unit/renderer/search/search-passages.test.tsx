/**
 * Every passage: an article is listed once with its best places, "and N more in this article"
 * opens the reader on the match list, and results past the first page can be loaded.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { searchResultsOf } from '../../../support/search-results';
import { searchHit } from './search-hit';

const hit = searchHit;

const text = 'Rivers carve valleys. The river remembers every stone. Far downstream, the river meets the sea and the river ends.';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.split(' ')[0]!.length });

function library() {
  return createFakeApi({
    articles: [makeArticle({ id: 'r1', title: 'On Rivers' }), makeArticle({ id: 'm1', title: 'Mountains' })],
    contents: new Map([
      ['r1', makeContent('r1', `<p>${text}</p>`)],
      ['m1', makeContent('m1', '<p>Mountains stand.</p>')],
    ]),
  });
}

const rivers = hit({
  articleId: 'r1',
  title: 'On Rivers',
  snippet: 'The <mark>river</mark> remembers',
  passage: at('river remembers'),
  terms: ['river', 'Rivers'],
  morePassages: [
    { snippet: 'the <mark>river</mark> meets the sea', passage: at('river meets') },
    { snippet: 'the <mark>river</mark> ends', passage: at('river ends') },
  ],
  passageCount: 9,
});

describe('Search: every passage', () => {
  it("lists an article once with its best places and the number of the others, and counts every place", async () => {
    const api = library();
    api.search.mockResolvedValue({ ok: true, value: searchResultsOf([rivers, hit({ articleId: 'm1', title: 'Mountains', snippet: 'a <mark>river</mark> below' })]) });
    const { user } = renderWithApi(api);

    await user.type(screen.getByRole('searchbox', { name: 'Search library' }), 'river');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const group = within(results).getByRole('group', { name: /^On Rivers/ });
    const rows = within(group).getAllByRole('option');
    expect(rows.map((row) => row.textContent)).toEqual([
      'ArticleThe river remembers',
      'Articlethe river meets the sea',
      'Articlethe river ends',
      'and 6 more in this article',
    ]);
    expect(rows[3]).toHaveAccessibleName('And 6 more places in On Rivers: open the article with every match listed');
    expect(screen.getByText('2 articles · 10 passages')).toBeInTheDocument();
  });

  it('opens the reader at a second place, and on the match list from "and N more"', async () => {
    const api = library();
    api.search.mockResolvedValue({ ok: true, value: searchResultsOf([rivers]) });
    const { user } = renderWithApi(api);
    const box = screen.getByRole('searchbox', { name: 'Search library' });

    await user.type(box, 'river');
    await screen.findByRole('listbox', { name: 'Search results' });
    // The second row: the river that meets the sea, the third of four matches in the text.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'On Rivers' })).toBeInTheDocument();
    expect(screen.getByText('3 of 4')).toBeInTheDocument();

    // The query stays in the box while the reader is open: the same results come back.
    await user.click(box);
    const more = await screen.findByRole('option', { name: /^And 6 more places in On Rivers/ });
    await user.click(more);
    // The reader lists every match of the article, from the first place of the hit.
    await waitFor(() => expect(screen.getByRole('group', { name: 'Search matches' })).toBeInTheDocument());
    expect(screen.getByText(/of 4$/)).toBeInTheDocument();
  });

  it('loads the next page under the first, with the same query and filters', async () => {
    const api = library();
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => hit({ articleId: `a${from + i}`, title: `Article ${from + i}`, snippet: '<mark>river</mark>' }));
    // The core counts the whole query: at first a lower bound (texts past the page not read), exact once every text was.
    const totals = (passages: number, passagesExact: boolean) => ({ articles: 62, passages, bookmarks: 0, notes: 0, articlesExact: true, passagesExact });
    api.search.mockImplementation((_query: string, options?: { offset?: number }) =>
      Promise.resolve({
        ok: true as const,
        value: (options?.offset ?? 0) === 0 ? { hits: page(0, 50), totals: totals(75, false) } : { hits: page(50, 12), totals: totals(214, true) },
      }),
    );
    const { user } = renderWithApi(api);

    await user.type(screen.getByRole('searchbox', { name: 'Search library' }), 'river');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    expect(within(results).getAllByRole('option')).toHaveLength(50);
    expect(screen.getByText('62 articles · at least 75 passages · showing the best 50 articles')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more results' }));
    await waitFor(() => expect(within(results).getAllByRole('option')).toHaveLength(62));
    expect(api.search).toHaveBeenLastCalledWith('river', { limit: 50, offset: 50 });
    expect(screen.getByText('62 articles · 214 passages')).toBeInTheDocument();
    // A short page was the last: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more results' })).not.toBeInTheDocument();
  });
});
