import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/shared/models';
import { AUTOSAVE_DELAY_MS } from '../../../../renderer/notes/use-autosave';
import { createFakeApi, makeArticle, makeContent, errorFromNewerCore } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const content = makeContent('a1', '<p>The boats left the quiet harbour at dawn.</p>');

const wholeArticleNote = (overrides: Partial<Annotation> = {}): Annotation => ({
  id: 'note-1',
  articleId: 'a1',
  kind: 'note',
  target: null,
  color: null,
  note: 'First thoughts',
  anchorState: 'exact',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...overrides,
});

function setup(annotations: Annotation[] = [wholeArticleNote()]) {
  const api = createFakeApi({
    articles: [makeArticle({ id: 'a1', title: 'Harbour Morning' })],
    contents: new Map([['a1', content]]),
    annotations,
  });
  return api;
}

async function openNotes(api = setup()) {
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Notes' }));
  await screen.findByRole('heading', { level: 1, name: 'Notes' });
  return { api, ...view };
}

afterEach(() => window.localStorage.clear());

describe('Notes view', () => {
  it('shows each note in an editor with a Markdown preview', async () => {
    const { user } = await openNotes();
    const editor = await screen.findByRole('textbox', { name: 'Note on Harbour Morning' });
    expect(editor).toHaveValue('First thoughts');
    await user.clear(editor);
    await user.type(editor, 'A **bold** idea');
    const preview = screen.getByRole('region', { name: 'Preview of note on Harbour Morning' });
    expect(within(preview).getByText('bold').tagName).toBe('STRONG');
  });

  it('saves after a pause in typing, once, with the whole text', async () => {
    const { api, user } = await openNotes();
    const editor = screen.getByRole('textbox', { name: 'Note on Harbour Morning' });
    await user.type(editor, ' and more');
    expect(screen.getByText('Not saved yet')).toBeInTheDocument();
    await waitFor(() => expect(api.updateAnnotation).toHaveBeenCalledTimes(1), { timeout: AUTOSAVE_DELAY_MS * 4 });
    expect(api.updateAnnotation).toHaveBeenCalledWith('a1', 'note-1', { note: 'First thoughts and more' });
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('saves at once when the editor loses focus', async () => {
    const { api, user } = await openNotes();
    const editor = screen.getByRole('textbox', { name: 'Note on Harbour Morning' });
    await user.type(editor, '!');
    await user.tab();
    expect(api.updateAnnotation).toHaveBeenCalledWith('a1', 'note-1', { note: 'First thoughts!' });
  });

  it('saves what was typed when the window is closed before the pause ends', async () => {
    const { api, user } = await openNotes();
    await user.type(screen.getByRole('textbox', { name: 'Note on Harbour Morning' }), '?');
    act(() => {
      window.dispatchEvent(new Event('beforeunload'));
    });
    expect(api.updateAnnotation).toHaveBeenCalledWith('a1', 'note-1', { note: 'First thoughts?' });
  });

  it('keeps a draft that could not be saved, and brings it back and saves it next time', async () => {
    const api = setup();
    const working = api.updateAnnotation.getMockImplementation()!;
    // The core cannot save during the whole first session (then the app is closed or crashes).
    api.updateAnnotation.mockResolvedValue(errorFromNewerCore('io', 'The disk is full.'));
    const first = await openNotes(api);
    await first.user.type(screen.getByRole('textbox', { name: 'Note on Harbour Morning' }), ' (draft)');
    await first.user.tab();
    expect(await screen.findByText('Not saved: Quire will try again')).toBeInTheDocument();
    first.unmount();

    api.updateAnnotation.mockReset();
    api.updateAnnotation.mockImplementation(working);
    const second = renderWithApi(api);
    await second.user.click(await screen.findByRole('button', { name: 'Notes' }));
    expect(await screen.findByRole('textbox', { name: 'Note on Harbour Morning' })).toHaveValue('First thoughts (draft)');
    await waitFor(() => expect(api.updateAnnotation).toHaveBeenCalledWith('a1', 'note-1', { note: 'First thoughts (draft)' }));
    await waitFor(() => expect(window.localStorage.length).toBe(0));
  });

  it('adds a note on a whole article and focuses its editor', async () => {
    const { api, user } = await openNotes(setup([]));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(api.createAnnotation).toHaveBeenCalledWith({ articleId: 'a1', kind: 'note', note: '' });
    const editor = await screen.findByRole('textbox', { name: 'Note on Harbour Morning' });
    await waitFor(() => expect(editor).toHaveFocus());
    fireEvent.change(editor, { target: { value: 'New' } });
    expect(editor).toHaveValue('New');
  });
});
