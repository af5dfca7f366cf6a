/**
 * The renderer's data layer: lists follow the core's `library-changed` event and every write,
 * without a reload and without an empty list while the new answer loads.
 */
import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { createQueryClient, refreshingWrites } from '../../../../renderer/api/query-client';
import { queryKeys } from '../../../../renderer/api/query-keys';
import { App } from '../../../../renderer/App';
import { annotationOn } from '../support/annotation-on';
import { rowTitles } from '../support/article-rows';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { searchResultsOf } from '../../../support/search-results';
import { renderWithApi } from '../support/render-app';
import { eventSource } from '../support/event-source';

describe('the data layer', () => {
  it('shows an article another process added, keeping the list on screen while it asks again', async () => {
    const api = createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'Kettles' })] });
    const { source, libraryChanged } = eventSource();
    renderWithApi(api, <App />, null, source);
    await screen.findByRole('list', { name: 'Articles' });
    expect(rowTitles()).toEqual(['Kettles']);

    let answer: (result: Result<ArticleMeta[]>) => void = () => {};
    api.listArticles.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const askedBefore = api.listArticles.mock.calls.length;
    libraryChanged(['a2']);
    await waitFor(() => expect(api.listArticles).toHaveBeenCalledTimes(askedBefore + 1));
    // Asked again: the old list stays, no "Loading…" in its place.
    expect(rowTitles()).toEqual(['Kettles']);
    expect(screen.queryByText('Loading your library…')).toBeNull();

    answer({ ok: true, value: [makeArticle({ id: 'a1', title: 'Kettles' }), makeArticle({ id: 'a2', title: 'Lanterns' })] });
    await waitFor(() => expect(rowTitles()).toEqual(expect.arrayContaining(['Kettles', 'Lanterns'])));
  });

  it('lists the bookmarks again when another process changed some, in the Bookmarks view', async () => {
    const article = makeArticle({ id: 'a1', title: 'Harbour Morning' });
    const api = createFakeApi({ articles: [article] });
    const { source, libraryChanged } = eventSource();
    const { user } = renderWithApi(api, <App />, null, source);
    await user.click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('button', { name: 'Bookmarks' }));
    expect(await screen.findByText('No bookmarks yet.')).toBeInTheDocument();

    api.library.annotations.push(annotationOn({ id: 'a1', text: 'The boats left the quiet harbour.' }, 'the quiet harbour'));
    libraryChanged(['a1']);
    expect(await screen.findByText('1 bookmark')).toBeInTheDocument();
  });

  it('after a write, refreshes what it changed: the answer a view shows is asked again, one no view shows is dropped', async () => {
    const api = createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'Kettles' })] });
    const client: QueryClient = createQueryClient();
    client.setQueryData(queryKeys.libraryAnnotations, []);
    client.setQueryData(queryKeys.settings, { theme: 'dark' });
    const viewApi = refreshingWrites(api, client);

    const created = await viewApi.createAnnotation({ articleId: 'a1', kind: 'note', note: 'Boil less water' });
    expect(created.ok).toBe(true);
    expect(api.createAnnotation).toHaveBeenCalledTimes(1);
    // No view showed the annotations: the next one to open loads them, not the old answer.
    expect(client.getQueryData(queryKeys.libraryAnnotations)).toBeUndefined();
    // A write changes only what it names.
    expect(client.getQueryData(queryKeys.settings)).toEqual({ theme: 'dark' });
  });
  it('offers in the open search filters a tag another process just gave an article', async () => {
    const kettles = makeArticle({ id: 'a1', title: 'Kettles', tags: ['kitchen'] });
    const api = createFakeApi({ articles: [kettles] });
    api.search.mockResolvedValue({
      ok: true,
      value: searchResultsOf([
        { articleId: 'a1', annotationId: null, title: 'Kettles', kind: 'article', score: 1, snippet: 'a <mark>kettle</mark>', passage: null, terms: ['kettle'], format: 'txt', date: null },
      ]),
    });
    const { source, libraryChanged } = eventSource();
    const { user } = renderWithApi(api, <App />, null, source);
    await user.type(screen.getByRole('searchbox', { name: 'Search library' }), 'kettle');
    const bar = await screen.findByRole('group', { name: 'Filter and sort results' });
    const tags = () => within(within(bar).getByLabelText('Tag')).getAllByRole('option').map((option) => option.textContent);
    await waitFor(() => expect(tags()).toEqual(['Any tag', 'kitchen']));

    kettles.tags = ['kitchen', 'tea'];
    libraryChanged(['a1']);
    await waitFor(() => expect(tags()).toEqual(['Any tag', 'kitchen', 'tea']));
  });
});
