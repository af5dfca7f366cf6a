/** "Export all" and "Import annotations…" in the library-wide Bookmarks and Notes views. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../electron/shared/models';
import { sampleBookmark } from '../../../support/fake-reader-service';
import { createFakeApi, makeArticle, makeContent, errorFromNewerCore } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

const harbour = makeContent('a1', '<p>The boats left the quiet harbour at dawn.</p>');

const bookmark: Annotation = sampleBookmark({
  id: 'quiet',
  articleId: 'a1',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'quiet harbour', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 20, end: 33 },
  },
});

const downloads: { name: string; type: string }[] = [];
beforeEach(() => {
  downloads.length = 0;
  // jsdom has no object URLs; the link's click is where a browser would download.
  URL.createObjectURL = vi.fn((blob: Blob) => `blob:${blob.type}`);
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, type: this.href });
  });
});
afterEach(() => vi.restoreAllMocks());

async function openView(name: 'Bookmarks' | 'Notes', annotations: Annotation[] = [bookmark]) {
  const api = createFakeApi({ articles: [makeArticle({ id: 'a1', title: 'Harbour Morning' })], contents: new Map([['a1', harbour]]), annotations });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name }));
  await screen.findByRole('heading', { level: 1, name });
  return { api, ...view };
}

const pick = (contents: string, name = 'export.json') => new File([contents], name, { type: 'application/json' });
/** What the browser does once the user picked a file in the dialog the button opened. */
const choose = (input: HTMLInputElement, file: File) => fireEvent.change(input, { target: { files: [file] } });

describe('Export all and Import annotations', () => {
  it('exports the whole library as a Markdown zip or one W3C file', async () => {
    const { api, user } = await openView('Bookmarks');
    const group = screen.getByRole('group', { name: 'Export all bookmarks and notes' });
    await user.click(within(group).getByRole('button', { name: 'Markdown (.zip)' }));
    await waitFor(() => expect(downloads).toEqual([{ name: 'library.zip', type: 'blob:application/zip' }]));
    await user.click(within(group).getByRole('button', { name: 'Web Annotation JSON' }));
    await waitFor(() => expect(downloads[1]).toEqual({ name: 'library.json', type: 'blob:application/ld+json;charset=utf-8' }));
    expect(api.exportLibraryAnnotations.mock.calls).toEqual([['markdown'], ['w3c']]);
    expect(await screen.findByText('Exported library.json')).toBeInTheDocument();
  });

  it('offers no export while the library has no bookmark or note, but offers the import', async () => {
    await openView('Notes', []);
    const group = screen.getByRole('group', { name: 'Export all bookmarks and notes' });
    for (const button of within(group).getAllByRole('button')) expect(button).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Import annotations…' })).toBeEnabled();
  });

  it('imports a picked file, says what happened in the status region and lists the result again', async () => {
    const { api, user, container } = await openView('Bookmarks', []);
    api.importAnnotations.mockImplementation(async (json) => {
      api.library.annotations.push(bookmark);
      const skipped = [`${json.length} bytes: one was not Quire's.`];
      return { ok: true, value: { added: 1, updated: 0, unchanged: 2, skipped, skippedSentences: [] } };
    });
    const input = container.querySelector<HTMLInputElement>('.annotation-transfer input[type="file"]')!;
    await user.click(screen.getByRole('button', { name: 'Import annotations…' }));
    choose(input, pick('{"type":"AnnotationCollection"}'));

    const status = container.querySelector('.annotation-transfer-status')!;
    expect(status).toHaveAttribute('role', 'status');
    await waitFor(() => expect(status).toHaveTextContent('Bookmarks and notes imported: 1 added, 0 updated, 2 unchanged, 1 skipped.'));
    expect(within(status as HTMLElement).getByRole('list', { name: 'Skipped' })).toHaveTextContent("31 bytes: one was not Quire's.");
    expect(api.importAnnotations).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(await screen.findByRole('list', { name: 'Bookmarks' })).toHaveTextContent('quiet harbour');
  });

  it('a malformed file gets the core’s one sentence; an empty one is refused before it is sent', async () => {
    const { api, container } = await openView('Notes');
    api.importAnnotations.mockResolvedValue(errorFromNewerCore('invalid-argument', 'This file is not JSON, so it cannot be a W3C Web Annotation export.'));
    const input = container.querySelector<HTMLInputElement>('.annotation-transfer input[type="file"]')!;
    const status = container.querySelector('.annotation-transfer-status')!;
    choose(input, pick('# not json', 'notes.md'));
    await waitFor(() => expect(status).toHaveTextContent('This file is not JSON, so it cannot be a W3C Web Annotation export.'));
    choose(input, pick('', 'empty.json'));
    await waitFor(() => expect(status).toHaveTextContent('empty.json is empty: nothing was imported.'));
    expect(api.importAnnotations).toHaveBeenCalledTimes(1);
  });
});
