/**
 * A view that throws while rendering shows a message with ways out, instead of blanking the app:
 * the header stays usable, Back to library leaves the view, Try again renders it once more.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { searchResultsOf } from '../../../support/search-results';
import { searchHit } from '../search/search-hit';
import type * as BookmarksModule from '../../../../renderer/bookmarks/BookmarksView';
import type * as SearchResultsModule from '../../../../renderer/search/SearchResults';

// Which parts throw on their next render; each test switches them on and off.
const broken = vi.hoisted(() => ({ bookmarks: false, searchResults: false }));

vi.mock('../../../../renderer/bookmarks/BookmarksView', async (importOriginal) => {
  const real = await importOriginal<typeof BookmarksModule>();
  return {
    BookmarksView: (props: Parameters<typeof real.BookmarksView>[0]) => {
      if (broken.bookmarks) throw new Error('the bookmark list could not be drawn');
      return real.BookmarksView(props);
    },
  };
});

vi.mock('../../../../renderer/search/SearchResults', async (importOriginal) => {
  const real = await importOriginal<typeof SearchResultsModule>();
  return {
    ...real,
    SearchResults: (props: Parameters<typeof real.SearchResults>[0]) => {
      if (broken.searchResults) throw new Error('a result could not be drawn');
      return real.SearchResults(props);
    },
  };
});

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  broken.bookmarks = false;
  broken.searchResults = false;
  // React reports what a boundary caught here; kept quiet and counted.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

/** The console.error calls that carry `error` (React may add others, e.g. act warnings). */
const reportsOf = (message: string) =>
  consoleError.mock.calls.filter((args) => args.some((arg) => arg instanceof Error && arg.message === message));

describe('a view that stops working', () => {
  it('says so with the reason, takes the focus, and leaves the header usable', async () => {
    broken.bookmarks = true;
    const { user } = renderWithApi(createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'On Rivers' })] }));
    await user.click(await screen.findByRole('button', { name: 'Bookmarks' }));

    const alert = await screen.findByRole('alert', { name: /^This view stopped working/ });
    expect(alert).toHaveTextContent('This view stopped working: the bookmark list could not be drawn.');
    expect(alert).toHaveFocus();
    expect(reportsOf('the bookmark list could not be drawn')).toHaveLength(1);

    // The header still navigates: another section opens in place of the message.
    await user.click(screen.getByRole('button', { name: 'Notes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeInTheDocument();
    expect(screen.queryByText(/This view stopped working/)).toBeNull();
  });

  it('goes back to the library, or tries the view again', async () => {
    broken.bookmarks = true;
    const { user } = renderWithApi(createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'On Rivers' })] }));
    await user.click(await screen.findByRole('button', { name: 'Bookmarks' }));
    await user.click(within(await screen.findByRole('alert', { name: /^This view stopped working/ })).getByRole('button', { name: 'Back to library' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(await screen.findByText('On Rivers')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Bookmarks' }));
    const alert = await screen.findByRole('alert', { name: /^This view stopped working/ });
    broken.bookmarks = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bookmarks' })).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: /^This view stopped working/ })).toBeNull();
  });

  it('keeps a failure in the search results inside the panel, with the box still there', async () => {
    broken.searchResults = true;
    const api = createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'On Rivers' })] });
    api.search.mockResolvedValue({ ok: true, value: searchResultsOf([searchHit({ articleId: 'a1', title: 'On Rivers' })]) });
    const { user } = renderWithApi(api);
    await screen.findByText('On Rivers');
    const box = screen.getByRole('searchbox', { name: 'Search library' });
    await user.type(box, 'river');

    const alert = await screen.findByRole('alert', { name: /^This view stopped working/ });
    expect(alert).toHaveTextContent('This view stopped working: a result could not be drawn.');
    // The library under the panel is still there, and so is the search box.
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(box).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Back to library' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: /^This view stopped working/ })).toBeNull());
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });
});
