/** The app says what the library check at start repaired, once it is done, in a live region. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LibraryHealth } from '../../../../electron/shared/library-health';
import { createFakeApi } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const checking: LibraryHealth = { state: 'checking', checkedAt: null, repaired: [], problems: [] };

describe('library health notice', () => {
  it('announces what was repaired once the check is done', async () => {
    const api = createFakeApi();
    const done: LibraryHealth = {
      state: 'done',
      checkedAt: '2026-11-28T08:00:00.000Z',
      repaired: ['rebuilt     articles/a1/text.txt from content.html', 'removed     articles/a1/article.json.12 (left by an interrupted write)'],
      problems: [],
    };
    api.libraryHealth.mockResolvedValueOnce({ ok: true, value: checking }).mockResolvedValue({ ok: true, value: done });
    renderWithApi(api);
    const status = await waitFor(() => screen.getByRole('status'), { timeout: 5000 });
    await waitFor(() => expect(status).toHaveTextContent('Quire repaired 2 things in your library at start: rebuilt'), { timeout: 5000 });
  });

  it('alerts when something still needs the user, and says nothing when all is well', async () => {
    const api = createFakeApi();
    api.libraryHealth.mockResolvedValue({ ok: true, value: { ...checking, state: 'done', problems: ['articles/x: cannot be read'] } });
    renderWithApi(api);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('1 thing still needs you: run "quire check" for details.'));

    const quiet = createFakeApi();
    renderWithApi(quiet);
    await waitFor(() => expect(quiet.libraryHealth).toHaveBeenCalled());
    expect(screen.queryByText(/Quire repaired/)).toBeNull();
  });
});
