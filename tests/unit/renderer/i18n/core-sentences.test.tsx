/**
 * The core's sentences in the interface language: an import that fails, or a search query that
 * cannot be read, says why in the language chosen in Preferences, and a sentence this page does
 * not know is shown as the core wrote it.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { say } from '../../../../electron/shared/i18n/core-sentences';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/models';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

describe('The core’s sentences in the interface language', () => {
  it('says in German why a file was not imported, and keeps an unknown sentence in English', async () => {
    const api = createFakeApi({ settings: { ...DEFAULT_SETTINGS, language: 'de' } });
    api.importDocument.mockImplementation(async ({ fileName }) => {
      if (fileName === 'roman.epub') {
        return {
          ok: true,
          value: { status: 'failed', source: fileName, reason: 'This EPUB has no chapter Quire can read.', sentence: say('core.import.epubNoChapter') },
        };
      }
      if (fileName === 'riesig.pdf') {
        return {
          ok: false,
          error: {
            code: 'import-failed',
            message: 'The file is larger than 200 MB, the most Quire can import.',
            sentence: say('core.import.tooLargeMegabytes', { megabytes: 1.5 }),
          },
        };
      }
      // A newer core's sentence: this page has no message for it.
      return {
        ok: true,
        value: {
          status: 'failed',
          source: fileName,
          reason: 'A sentence from a newer Quire.',
          sentence: { id: 'core.import.fromTheFuture', values: {} } as unknown as ReturnType<typeof say>,
        },
      };
    });
    const { user } = renderWithApi(api);

    const input = await screen.findByLabelText('Dateien importieren');
    await user.upload(input, [
      new File(['x'], 'roman.epub', { type: 'application/epub+zip' }),
      new File(['x'], 'riesig.pdf', { type: 'application/pdf' }),
      new File(['x'], 'neu.txt', { type: 'text/plain' }),
    ]);

    const summary = await screen.findByRole('region', { name: 'Import abgeschlossen' });
    const failed = within(summary).getByRole('heading', { name: 'Fehlgeschlagen (3)' }).nextElementSibling as HTMLElement;
    expect(failed).toHaveTextContent('roman.epub: Dieses EPUB enthält kein Kapitel, das Quire lesen kann.');
    // German writes the decimal with a comma.
    expect(failed).toHaveTextContent('riesig.pdf: Die Datei ist größer als 1,5 MB, mehr kann Quire nicht importieren.');
    expect(failed).toHaveTextContent('neu.txt: A sentence from a newer Quire.');
  });

  it('says in German what the reader should know about a book that came in with almost no text', async () => {
    const api = createFakeApi({ settings: { ...DEFAULT_SETTINGS, language: 'de' } });
    api.importDocument.mockImplementation(async ({ fileName }) => ({
      ok: true,
      value: {
        status: 'imported',
        source: fileName,
        article: makeArticle({ id: 'comic', title: 'Der Comic' }),
        note: 'Imported with only 12 words of text: this book is mostly pictures.',
        noteSentence: say('core.import.epubMostlyPictures', { words: 12 }),
      },
    }));
    const { user } = renderWithApi(api);

    await user.upload(await screen.findByLabelText('Dateien importieren'), [new File(['x'], 'comic.epub', { type: 'application/epub+zip' })]);

    const summary = await screen.findByRole('region', { name: 'Import abgeschlossen' });
    expect(summary).toHaveTextContent('Mit nur 12 Wörtern Text importiert: Dieses Buch besteht überwiegend aus Bildern.');
    expect(summary).not.toHaveTextContent('mostly pictures');
  });

  it('says in French what is wrong with a search query', async () => {
    const api = createFakeApi({ settings: { ...DEFAULT_SETTINGS, language: 'fr' } });
    api.search.mockResolvedValue({
      ok: false,
      error: {
        code: 'bad-query',
        message: 'The query only excludes words; add a word to look for, as in report -draft.',
        sentence: say('core.query.onlyExcludes'),
      },
    });
    const { user } = renderWithApi(api);

    const box = await screen.findByRole('searchbox', { name: 'Rechercher dans la bibliothèque' });
    await user.type(box, '-x{Enter}');
    expect(
      await screen.findByText('La recherche ne fait qu’exclure des mots ; ajoutez un mot à chercher, comme dans report -draft.'),
    ).toBeInTheDocument();
  });
});
