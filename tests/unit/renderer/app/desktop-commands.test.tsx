import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../../electron/shared/commands';
import type { ReaderEventListener, ReaderEventName, ReaderEvents } from '../../../../electron/shared/contract';
import type { ImportFinishedEvent } from '../../../../electron/shared/models';
import { App } from '../../../../renderer/App';
import type { DesktopHost } from '../../../../renderer/app/desktop-context';
import { offsetsToRange } from '../../../../renderer/reader/text-offsets';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';
import { say } from '../../../../electron/shared/i18n/core-sentences';
import { failureOf } from '../../../../electron/shared/i18n/english-sentence';

/** The preload's desktop bridge, driven by the test: commands and core events go in by hand. */
function createFakeDesktop() {
  const commandListeners = new Set<(command: AppCommand) => void>();
  const eventListeners = new Map<ReaderEventName, Set<(payload: never) => void>>();
  const desktop: DesktopHost = {
    onCommand(listener) {
      commandListeners.add(listener);
      return () => void commandListeners.delete(listener);
    },
    chooseImportPaths: vi.fn(async () => [] as string[]),
    libraryFolder: vi.fn(async () => '/home/ana/Quire library'),
    changeLibraryFolder: vi.fn(async () => ({ status: 'cancelled' as const })),
    on<E extends ReaderEventName>(event: E, listener: ReaderEventListener<E>) {
      const set = eventListeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      eventListeners.set(event, set);
      return () => void set.delete(listener as (payload: never) => void);
    },
  };
  const command = (value: AppCommand) =>
    act(() => {
      for (const listener of [...commandListeners]) listener(value);
    });
  const emit = <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) =>
    act(() => {
      for (const listener of [...(eventListeners.get(event) ?? [])]) (listener as ReaderEventListener<E>)(payload);
    });
  return { desktop, command, emit };
}

function renderDesktopApp(api = createFakeApi()) {
  const fake = createFakeDesktop();
  const { user } = renderWithApi(api, <App />, fake.desktop);
  return { api, user, ...fake };
}

const counts = (imported: number, duplicates = 0, failed = 0) => ({ imported, duplicates, failed, skipped: 0 });

function finished(jobId: string, overrides: Partial<ImportFinishedEvent> = {}): ImportFinishedEvent {
  return {
    jobId,
    cancelled: false,
    total: 1,
    elapsedMs: 1200,
    counts: counts(1),
    imported: [],
    duplicates: [],
    failed: [],
    skipped: [],
    ...overrides,
  };
}

describe('desktop commands in the page', () => {
  it('Import Files… opens the native dialog and follows the job: progress, Cancel, summary', async () => {
    const { api, user, desktop, command, emit } = renderDesktopApp();
    vi.mocked(desktop.chooseImportPaths).mockResolvedValue(['/docs/a.epub', '/docs/b.md', '/docs/c.txt']);
    api.startImport.mockResolvedValue({ ok: true, value: { jobId: 'job-7' } });

    await command({ type: 'import-files' });
    expect(desktop.chooseImportPaths).toHaveBeenCalledWith('files');
    await waitFor(() => expect(api.startImport).toHaveBeenCalledWith(['/docs/a.epub', '/docs/b.md', '/docs/c.txt']));
    expect(api.importDocument).not.toHaveBeenCalled();

    // Another job's events are not ours.
    await emit('import-progress', { jobId: 'job-other', done: 9, total: 9, current: null, reading: null, elapsedMs: 1, remainingMs: null, counts: counts(9) });
    await emit('import-progress', { jobId: 'job-7', done: 1, total: 3, current: '/docs/b.md', reading: null, elapsedMs: 2000, remainingMs: 4000, counts: counts(1) });
    const progress = await screen.findByRole('region', { name: 'Import in progress' });
    expect(within(progress).getByRole('status')).toHaveTextContent('Importing 1 of 3');
    expect(progress).toHaveTextContent('/docs/b.md');

    await user.click(within(progress).getByRole('button', { name: 'Cancel import' }));
    expect(api.cancelImport).toHaveBeenCalledWith('job-7');
    expect(within(progress).getByRole('status')).toHaveTextContent('Cancelling… 1 of 3');

    const failed = [{ source: '/docs/b.md', reason: 'The file is empty.' }];
    await emit('import-finished', finished('job-7', { cancelled: true, total: 3, counts: counts(1, 0, 1), imported: [{ source: '/docs/a.epub', articleId: 'a1', title: 'A Book' }], failed }));
    const summary = await screen.findByRole('region', { name: 'Import cancelled' });
    expect(summary).toHaveTextContent('Imported 1 · Already in library 0 · Failed 1 · Not imported (cancelled) 1');
    expect(summary).toHaveTextContent('A Book');
    expect(summary).toHaveTextContent('/docs/b.md: The file is empty.');
    expect(screen.queryByRole('region', { name: 'Import in progress' })).not.toBeInTheDocument();
  });

  it('the header’s import buttons use the native dialog, and a cancelled dialog imports nothing', async () => {
    const { api, user, desktop } = renderDesktopApp();
    expect(document.querySelector('input[type="file"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import folder' }));
    expect(desktop.chooseImportPaths).toHaveBeenCalledWith('folder');
    expect(api.startImport).not.toHaveBeenCalled();
  });

  it('Open with Quire: imports the files as a job, then opens the first one in the reader', async () => {
    const api = createFakeApi({
      articles: [makeArticle({ id: 'dup-1', title: 'Known Essay' })],
      contents: new Map([['dup-1', makeContent('dup-1', '<p>Known text.</p>')]]),
    });
    const { command, emit } = renderDesktopApp(api);
    api.startImport.mockResolvedValue({ ok: true, value: { jobId: 'job-open' } });
    await command({ type: 'open-files', paths: ['/docs/essay.md', '/docs/new.txt'] });
    await waitFor(() => expect(api.startImport).toHaveBeenCalledWith(['/docs/essay.md', '/docs/new.txt']));
    // The first file was already in the library: that article opens.
    await emit(
      'import-finished',
      finished('job-open', {
        total: 2,
        counts: counts(1, 1),
        imported: [{ source: '/docs/new.txt', articleId: 'new-1', title: 'New' }],
        duplicates: [{ source: '/docs/essay.md', articleId: 'dup-1', title: 'Known Essay' }],
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Known Essay' })).toBeInTheDocument();
  });

  it('a quire:// link opens the article at its passage', async () => {
    const api = createFakeApi({
      articles: [makeArticle({ id: 'art-1', title: 'Rivers' })],
      contents: new Map([['art-1', makeContent('art-1', '<p>The Tigris and the Euphrates.</p>')]]),
    });
    const { command } = renderDesktopApp(api);
    await command({ type: 'open-article', articleId: 'art-1', passage: { start: 4, end: 10 }, annotationId: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rivers' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Search matches' })).toHaveTextContent('1 of 1');
  });

  it('Preferences… opens the reading settings from any view; changes are saved', async () => {
    const { api, user, command } = renderDesktopApp();
    await command({ type: 'preferences' });
    const dialog = await screen.findByRole('dialog', { name: 'Preferences' });
    await user.selectOptions(within(dialog).getByLabelText('Theme'), 'dark');
    expect(api.setSettings).toHaveBeenCalledWith({ theme: 'dark' });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Preferences show the library folder; a refused move says why and changes nothing, a move that goes ahead says Quire restarts', async () => {
    const { user, command, desktop } = renderDesktopApp();
    await command({ type: 'preferences' });
    const dialog = await screen.findByRole('dialog', { name: 'Preferences' });
    const section = within(dialog).getByRole('region', { name: 'Library folder' });
    expect(await within(section).findByText('/home/ana/Quire library')).toBeInTheDocument();

    vi.mocked(desktop.changeLibraryFolder).mockResolvedValueOnce({ status: 'refused', ...failureOf(say('core.library.notEmpty')) });
    await user.click(within(section).getByRole('button', { name: 'Move library…' }));
    expect(desktop.changeLibraryFolder).toHaveBeenCalledWith('move');
    await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('That folder is not empty'));
    expect(within(section).getByRole('button', { name: 'Move library…' })).toBeEnabled();

    vi.mocked(desktop.changeLibraryFolder).mockResolvedValueOnce({ status: 'restarting', libraryDir: '/home/ana/Sync/Quire' });
    await user.click(within(section).getByRole('button', { name: 'Open another library…' }));
    expect(desktop.changeLibraryFolder).toHaveBeenLastCalledWith('open');
    await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Quire restarts on the library in /home/ana/Sync/Quire.'));
    expect(within(section).getByRole('button', { name: 'Move library…' })).toBeDisabled();
  });

  it('Search for “…” puts the selected words in the search box', async () => {
    const { command } = renderDesktopApp();
    await command({ type: 'search', query: 'Fuad Hussein' });
    const box = screen.getByRole('searchbox', { name: 'Search library' });
    expect(box).toHaveValue('Fuad Hussein');
    expect(box).toHaveFocus();
  });

  it('Import from URL… asks for the address and downloads it', async () => {
    const { api, user, command } = renderDesktopApp();
    await command({ type: 'import-url' });
    const dialog = await screen.findByRole('dialog', { name: 'Import from URL' });
    await user.type(within(dialog).getByLabelText('Web address'), 'file:///etc/passwd');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('http:// or https://');
    await user.clear(within(dialog).getByLabelText('Web address'));
    await user.type(within(dialog).getByLabelText('Web address'), 'https://news.example/story');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(api.importUrl).toHaveBeenCalledWith('https://news.example/story'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Bookmark Selection outside the reader says what to do', async () => {
    const { command } = renderDesktopApp();
    await command({ type: 'bookmark-selection' });
    expect(await screen.findByText('Open an article and select a passage in it first.')).toBeInTheDocument();
  });

  it('the context menu’s Bookmark Selection and Add Note… act on the passage selected in the reader', async () => {
    const html = '<p>The Tigris and the Euphrates meet at Qurna.</p>';
    const api = createFakeApi({
      articles: [makeArticle({ id: 'art-2', title: 'Rivers' })],
      contents: new Map([['art-2', makeContent('art-2', html)]]),
    });
    const { user, command } = renderDesktopApp(api);
    await user.click(await screen.findByRole('button', { name: 'Rivers' }));
    await screen.findByRole('heading', { level: 1, name: 'Rivers' });
    const container = document.querySelector<HTMLElement>('.article-content')!;
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(offsetsToRange(container, { start: 4, end: 10 })!);
    document.dispatchEvent(new Event('selectionchange'));

    await command({ type: 'add-note' });
    const dialog = await screen.findByRole('dialog', { name: /note/i });
    expect(dialog).toHaveTextContent('Tigris');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await command({ type: 'bookmark-selection' });
    expect(await screen.findByRole('dialog', { name: 'New bookmark' })).toHaveTextContent('Tigris');
    // The reader answered: no "open an article" hint.
    expect(screen.queryByText('Open an article and select a passage in it first.')).not.toBeInTheDocument();
  });
});
