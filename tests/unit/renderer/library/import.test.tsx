import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeArticle, errorFromNewerCore } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

describe('Importing files', () => {
  it('sends each picked file as base64 and summarises imported, duplicate and failed files', async () => {
    const existing = makeArticle({ id: 'dup', title: 'Already Here' });
    const api = createFakeApi({ articles: [existing] });
    api.importDocument.mockImplementation(async ({ fileName }) => {
      if (fileName === 'same.md') return { ok: true, value: { status: 'duplicate', source: fileName, article: existing } };
      if (fileName === 'broken.html') {
        return errorFromNewerCore('import-failed', 'The HTML has no readable text.');
      }
      if (fileName === 'binary.txt') {
        return { ok: true, value: { status: 'failed', source: fileName, reason: 'This is not a text file.' } };
      }
      return {
        ok: true,
        value: { status: 'imported', source: fileName, article: makeArticle({ id: 'new', title: 'Fresh Notes' }) },
      };
    });
    const { user } = renderWithApi(api);

    const files = [
      new File(['héllo'], 'fresh.txt', { type: 'text/plain' }),
      new File(['# same'], 'same.md', { type: 'text/markdown' }),
      new File(['<p></p>'], 'broken.html', { type: 'text/html' }),
      new File([new Uint8Array([0, 1, 2])], 'binary.txt', { type: 'text/plain' }),
    ];
    await user.upload(screen.getByLabelText('Import files'), files);

    const summary = await screen.findByRole('region', { name: 'Import finished' });
    expect(api.importDocument).toHaveBeenCalledTimes(4);
    expect(api.importDocument).toHaveBeenNthCalledWith(1, {
      fileName: 'fresh.txt',
      dataBase64: btoa(String.fromCharCode(...new TextEncoder().encode('héllo'))),
    });
    expect(summary).toHaveTextContent('Imported 1 · Already in library 1 · Failed 2');
    expect(within(summary).getByText('Fresh Notes')).toBeInTheDocument();
    const duplicates = within(summary).getByRole('heading', { name: 'Already in library (1)' }).nextElementSibling as HTMLElement;
    expect(duplicates).toHaveTextContent('same.md: already in your library as “Already Here”');
    const failed = within(summary).getByRole('heading', { name: 'Failed (2)' }).nextElementSibling as HTMLElement;
    expect(failed).toHaveTextContent('broken.html: The HTML has no readable text.');
    expect(failed).toHaveTextContent('binary.txt: This is not a text file.');
    // The new article is listed once the import is over.
    expect(await screen.findByRole('list', { name: 'Articles' })).toBeInTheDocument();
  });

  it('accepts the supported document types only in the picker', () => {
    renderWithApi(createFakeApi());
    expect(screen.getByLabelText('Import files')).toHaveAttribute('accept', '.epub,.pdf,.html,.htm,.xhtml,.md,.markdown,.txt');
  });

  it('gets the core ready to import as a file picker opens and as files are dragged over the window, once per drag', async () => {
    const api = createFakeApi();
    const { user } = renderWithApi(api);
    await user.click(screen.getByLabelText('Import files'));
    expect(api.prepareImport).toHaveBeenCalledTimes(1);

    const drag = (type: string, types: string[]): void => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types, dropEffect: 'none' } });
      window.dispatchEvent(event);
    };
    // over the window, then over an element inside it: one drag
    drag('dragenter', ['Files']);
    drag('dragenter', ['Files']);
    expect(api.prepareImport).toHaveBeenCalledTimes(2);
    drag('dragleave', ['Files']);
    drag('dragleave', ['Files']);
    // a selection of text dragged about is no import
    drag('dragenter', ['text/plain']);
    expect(api.prepareImport).toHaveBeenCalledTimes(2);
    drag('dragenter', ['Files']);
    expect(api.prepareImport).toHaveBeenCalledTimes(3);
  });
});

