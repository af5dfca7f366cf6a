import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchOptions, SearchResults } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { searchResultsOf } from '../../../support/search-results';

const hit = (articleId: string, title: string, kind: SearchHit['kind'] = 'article'): SearchHit => ({
  articleId,
  annotationId: kind === 'article' ? null : `${articleId}-${kind}`,
  title,
  kind,
  score: 1,
  snippet: `the <mark>river</mark> in ${title}`,
  passage: null,
  terms: ['river'],
  format: articleId === 'r1' ? 'pdf' : 'epub',
  date: articleId === 'r1' ? '2019-03-15T08:00:00.000Z' : '2024-05-01T10:00:00.000Z',
});

const library = () =>
  createFakeApi({
    articles: [
      makeArticle({ id: 'r1', title: 'On Rivers', format: 'pdf', lang: 'fr-CA', tags: ['Nature', 'water'] }),
      makeArticle({ id: 'm1', title: 'Mountains', format: 'epub', lang: 'de', tags: ['nature'] }),
      makeArticle({ id: 'k1', title: 'Klingon', format: 'md', lang: 'x-klingon' }),
    ],
    contents: new Map([
      ['r1', makeContent('r1', '<p>The river remembers.</p>')],
      ['m1', makeContent('m1', '<p>Mountains and a river.</p>')],
    ]),
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function searchFor(query: string) {
  const api = library();
  // A stand-in core: filters by format, as the real one does, so the list changes as a user sees it.
  api.search.mockImplementation(async (_query: string, options?: SearchOptions) => ({
    ok: true,
    value: searchResultsOf(
      [hit('r1', 'On Rivers'), hit('r1', 'On Rivers', 'note'), hit('m1', 'Mountains', 'bookmark')].filter((h) => {
        const format = h.articleId === 'r1' ? 'pdf' : 'epub';
        return !options?.formats || options.formats.includes(format);
      }),
    ),
  }));
  const rendered = renderWithApi(api);
  const box = screen.getByRole('searchbox', { name: 'Search library' });
  await rendered.user.type(box, query);
  await screen.findByRole('listbox', { name: 'Search results' });
  const bar = screen.getByRole('group', { name: 'Filter and sort results' });
  return { api, box, bar, ...rendered };
}

describe('Search filters', () => {
  it("offers the library's tags, formats and languages by name, each control labelled", async () => {
    const { bar } = await searchFor('river');

    await waitFor(() => expect(within(bar).getAllByRole('option', { name: /./ }).length).toBeGreaterThan(6));
    const names = (label: string) => within(within(bar).getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);
    // Tags compare without regard to case, as the core does: "nature" is "Nature".
    expect(names('Tag')).toEqual(['Any tag', 'Nature', 'water']);
    expect(names('Format')).toEqual(['Any format', 'EPUB', 'Markdown', 'PDF']);
    // Readable names; a code the core cannot filter by (x-klingon) is not offered.
    expect(names('Language')).toEqual(['Any language', 'German', 'French']);
    expect(names('Sort')).toEqual(['Relevance', 'Newest first']);
    expect(within(bar).getByLabelText('From')).toHaveAttribute('type', 'date');
    expect(within(bar).getByLabelText('To')).toHaveAttribute('type', 'date');
  });

  it('asks the core for the choices, not the whole library, and names each group from its hits', async () => {
    const { api } = await searchFor('river');

    // Once for the panel's choices (and once by the library view at start, for its count).
    await waitFor(() => expect(api.listFacets).toHaveBeenCalledTimes(2));
    // The library view behind loads the whole list once; opening the search panel does not again.
    expect(api.listArticles.mock.calls.filter(([query]) => query === undefined)).toHaveLength(1);
    const groups = within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^On Rivers \(.*2019 · PDF\): 1 passage, 1 note$/),
      expect.stringMatching(/^Mountains \(.*2024 · EPUB\): 1 bookmark$/),
    ]);
  });

  it('searches again in the core when a filter changes, and counts what is left', async () => {
    const { api, bar, user } = await searchFor('river');
    expect(screen.getByText('2 articles · 3 passages (1 bookmark, 1 note)')).toBeInTheDocument();

    await user.selectOptions(within(bar).getByLabelText('Format'), 'PDF');
    expect(api.search).toHaveBeenLastCalledWith('river', { limit: 50, formats: ['pdf'] });
    expect(await screen.findByText('1 article · 2 passages (1 note)')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /^Mountains/ })).not.toBeInTheDocument();

    await user.selectOptions(within(bar).getByLabelText('Tag'), 'water');
    await user.selectOptions(within(bar).getByLabelText('Language'), 'French');
    await user.selectOptions(within(bar).getByLabelText('Sort'), 'Newest first');
    expect(api.search).toHaveBeenLastCalledWith('river', {
      limit: 50,
      tags: ['water'],
      formats: ['pdf'],
      languages: ['fr'],
      sort: 'date',
    });
  });

  it('sends typed dates after a pause', async () => {
    const { api, bar, user } = await searchFor('river');
    await user.type(within(bar).getByLabelText('From'), '2024-02-01');
    await waitFor(() => expect(api.search).toHaveBeenLastCalledWith('river', { limit: 50, from: '2024-02-01' }));
  });

  it('says when the filters hide everything, and Clear filters brings the results back', async () => {
    const { api, box, bar, user } = await searchFor('river');
    api.search.mockResolvedValueOnce({ ok: true, value: searchResultsOf([]) });
    await user.selectOptions(within(bar).getByLabelText('Tag'), 'water');
    expect(await screen.findByText('No results with these filters')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(api.search).toHaveBeenLastCalledWith('river', { limit: 50 });
    expect(await screen.findByText('2 articles · 3 passages (1 bookmark, 1 note)')).toBeInTheDocument();
    expect(within(bar).getByLabelText('Tag')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    // The button went away with the filters: focus is back in the search box, not lost.
    expect(box).toHaveFocus();
  });

  it('never lets an answer to an older filter replace a newer one', async () => {
    const { api, bar, user } = await searchFor('river');
    const answers = new Map<string, ReturnType<typeof deferred<Result<SearchResults>>>>();
    api.search.mockImplementation((_query, options) => {
      const answer = deferred<Result<SearchResults>>();
      answers.set(options?.formats?.[0] ?? 'any', answer);
      return answer.promise;
    });

    await user.selectOptions(within(bar).getByLabelText('Format'), 'PDF');
    await user.selectOptions(within(bar).getByLabelText('Format'), 'EPUB');
    await act(async () => answers.get('epub')!.resolve({ ok: true, value: searchResultsOf([hit('m1', 'Newer answer')]) }));
    await act(async () => answers.get('pdf')!.resolve({ ok: true, value: searchResultsOf([hit('r1', 'Stale answer')]) }));

    expect(await screen.findByText('Newer answer')).toBeInTheDocument();
    expect(screen.queryByText('Stale answer')).not.toBeInTheDocument();
  });

  it('keeps the arrow keys for the results in the box, and for its own choices in a select', async () => {
    const { api, box, bar, user } = await searchFor('river');
    const format = within(bar).getByLabelText('Format');
    await user.selectOptions(format, 'PDF');
    await screen.findByText('1 article · 2 passages (1 note)');
    const calls = api.search.mock.calls.length;

    // Escape in a filter goes back to the box; the results stay.
    format.focus();
    await user.keyboard('{Escape}');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('river');
    expect(api.search.mock.calls.length).toBe(calls);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const options = within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
  });

  it('keeps the query and filters while a result is open, and shows them on coming back', async () => {
    const { bar, box, user } = await searchFor('river');
    await user.selectOptions(within(bar).getByLabelText('Format'), 'PDF');
    await screen.findByText('1 article · 2 passages (1 note)');

    await user.click(box);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'On Rivers' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Filter and sort results' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to library/ }));

    await user.click(box);
    expect(box).toHaveValue('river');
    const back = screen.getByRole('group', { name: 'Filter and sort results' });
    expect(within(back).getByLabelText('Format')).toHaveValue('pdf');
    expect(screen.getByText('1 article · 2 passages (1 note)')).toBeInTheDocument();
  });
});
