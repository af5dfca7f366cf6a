/** The app says what the library check at start repaired, once it is done, in a live region. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { say } from '../../../../electron/shared/i18n/core-sentences';
import type { LibraryHealth } from '../../../../electron/shared/library-health';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/models';
import { createFakeApi } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

/** What a person reads: the text without the invisible marks that isolate each path (FSI…PDI). */
const read = (element: Element | null): string => (element?.textContent ?? '').replace(/[\u2068\u2069]/g, '');

const checking: LibraryHealth = { state: 'checking', checkedAt: null, repaired: [], repairedSentences: [], problems: [], problemSentences: [] };

describe('library health notice', () => {
  it('announces what was repaired once the check is done', async () => {
    const api = createFakeApi();
    const done: LibraryHealth = {
      state: 'done',
      checkedAt: '2026-11-28T08:00:00.000Z',
      repaired: ['rebuilt     articles/a1/text.txt from content.html', 'removed     articles/a1/article.json.12 (left by an interrupted write)'],
      repairedSentences: [
        say('core.check.rebuiltText', { where: 'articles/a1/text.txt', reanchored: 0 }),
        say('core.check.removedLeftover', { where: 'articles/a1/article.json.12' }),
      ],
      problems: [],
      problemSentences: [],
    };
    api.libraryHealth.mockResolvedValueOnce({ ok: true, value: checking }).mockResolvedValue({ ok: true, value: done });
    renderWithApi(api);
    const status = await waitFor(() => screen.getByRole('status'), { timeout: 5000 });
    await waitFor(() => expect(status).toHaveTextContent('Quire repaired 2 things in your library at start: rebuilt'), { timeout: 5000 });
  });

  it('says each repair in the interface language, and one it has no sentence for as the core wrote it', async () => {
    const api = createFakeApi({ settings: { ...DEFAULT_SETTINGS, language: 'de' } });
    const done: LibraryHealth = {
      state: 'done',
      checkedAt: '2026-11-28T08:00:00.000Z',
      repaired: ['rebuilt     articles/a1/text.txt from content.html (2 bookmarks re-anchored)', 'repaired    something a newer Quire knows'],
      // The second line comes from a newer core: this page has no sentence for it.
      repairedSentences: [say('core.check.rebuiltText', { where: 'articles/a1/text.txt', reanchored: 2 })],
      problems: [],
      problemSentences: [],
    };
    api.libraryHealth.mockResolvedValue({ ok: true, value: done });
    renderWithApi(api);
    const status = await waitFor(() => screen.getByRole('status'), { timeout: 5000 });
    await waitFor(() => expect(read(status)).toContain('articles/a1/text.txt aus content.html neu erstellt (2 Lesezeichen neu verankert)'), { timeout: 5000 });
    // Each path is isolated, so a right-to-left sentence keeps it whole.
    expect(status.textContent).toContain('\u2068articles/a1/text.txt\u2069');
    expect(status).toHaveTextContent('repaired something a newer Quire knows');
    expect(status).not.toHaveTextContent('bookmarks re-anchored');
  });

  it('lists what still needs the user under Details, every line in the interface language', async () => {
    const api = createFakeApi({ settings: { ...DEFAULT_SETTINGS, language: 'fr' } });
    const where = 'articles/a1b2c3d4';
    const done: LibraryHealth = {
      state: 'done',
      checkedAt: '2026-11-28T08:00:00.000Z',
      repaired: ['removed     articles/a1/article.json.12 (left by an interrupted write)'],
      repairedSentences: [say('core.check.removedLeftover', { where: 'articles/a1/article.json.12' })],
      problems: [`${where}: This article cannot be read: article.json is empty.`, 'could not repair articles/a2/text.txt: EACCES', 'search index: something a newer Quire found'],
      problemSentences: [
        { where, sentence: say('core.check.problem.articleUnreadable', { state: 'empty', field: '' }) },
        { where: null, sentence: say('core.check.couldNotRepair', { where: 'articles/a2/text.txt' }) },
      ],
    };
    api.libraryHealth.mockResolvedValue({ ok: true, value: done });
    const { user } = renderWithApi(api);
    const alert = await waitFor(() => screen.getByRole('alert'), { timeout: 5000 });
    await user.click(await within(alert).findByRole('button', { name: 'Détails' }));

    const details = screen.getByRole('dialog', { name: 'Vérification de la bibliothèque au démarrage' });
    const [problems, repaired] = within(details).getAllByRole('list');
    expect(within(problems!).getAllByRole('listitem').map(read)).toEqual([
      `${where} : Cet article ne peut pas être lu : article.json est vide.`,
      'Quire n’a pas pu réparer articles/a2/text.txt ; le journal indique pourquoi.',
      // From a newer core, without a sentence this page knows: its English, as sent.
      'search index: something a newer Quire found',
    ]);
    expect(within(problems!).getByText(where).tagName).toBe('BDI');
    expect(read(within(repaired!).getByRole('listitem'))).toBe('articles/a1/article.json.12 supprimé (reste d’une écriture interrompue)');
    expect(within(details).getByRole('heading', { name: '3 points demandent encore votre attention' })).toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
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
