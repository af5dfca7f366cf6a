import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../electron/core/importers/detect-language';
import { importFile } from '../../../../electron/core/importers/import-file';
import { SEED_FILE, webPages } from '../support/corpus';

/** The reader text of a corpus page, saved as a plain-text file (which declares no language). */
async function asPlainText(name: string): Promise<Buffer> {
  const page = webPages().find((p) => p.name === name)!;
  const { document } = await importFile({ fileName: 'page.html', bytes: readFileSync(page.file) });
  return Buffer.from(`${document.title}\n${document.text}`);
}

describe('the language of a document that declares none', () => {
  it.each([
    ['lemonde-1', 'fr'],
    ['heise', 'de'],
    ['qq', 'zh'],
    ['wikipedia', 'en'],
    ['bbc-1', 'en'],
  ])('is detected from the text of the real page %s saved as .txt: %s', async (name, lang) => {
    const { document } = await importFile({ fileName: `${name}.txt`, bytes: await asPlainText(name) });
    expect(document.lang).toBe(lang);
  });

  it('is English for the seed news article', async () => {
    const { document } = await importFile({ fileName: 'seed.txt', bytes: readFileSync(SEED_FILE) });
    expect(document.lang).toBe('en');
  });

  it('is not guessed from too little text or from what is not prose', () => {
    expect(detectLanguage('Hello')).toBeNull();
    expect(detectLanguage('x = 1; y = 2; z = x + y;')).toBeNull();
    expect(detectLanguage('12 345 678 — 2026-11-28 09:00')).toBeNull();
  });

  it('keeps the language a page declares, even when its text reads otherwise', async () => {
    const bytes = Buffer.from(`<html lang="de"><head><title>Titel</title></head><body><p>${'The text of this page is in English but it says German. '.repeat(5)}</p></body></html>`);
    const { document } = await importFile({ fileName: 'page.html', bytes });
    expect(document.lang).toBe('de');
  });
});
