/**
 * A long book picked with "Import files" (Moby-Dick with its spine three times over, 432
 * chapters): while the core reads it, the progress bar names the chapter being read and moves
 * on with it, in its value text for screen readers and beside the file's name on screen, while the
 * live count stays "Importing 0 of 1". Everything the bar showed is recorded as the page changes
 * it (a MutationObserver), so nothing depends on catching it at a moment.
 */
import { expectAccessible } from '../support/accessibility';
import { longBookEpub } from '../../../scripts/long-book.mjs';
import { expect, test } from '../support/browser-mode';
import { LibraryPage } from '../support/pages';

test.setTimeout(240_000);

interface Shown {
  valueText: string | null;
  value: number;
  part: string | null;
  status: string | null;
}

test('importing a long book shows the chapter being read, moving forward, in the progress bar', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await library.loaded();
  // Every state of the progress bar, as the page draws it.
  await page.evaluate(() => {
    const shown: Shown[] = [];
    (window as unknown as { shown: Shown[] }).shown = shown;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.import-progress progress');
      if (!bar) return;
      const now: Shown = {
        valueText: bar.getAttribute('aria-valuetext'),
        value: bar.value,
        part: document.querySelector('.import-progress-part')?.textContent ?? null,
        status: document.querySelector('.import-progress [role="status"]')?.textContent ?? null,
      };
      const last = shown.at(-1);
      if (!last || last.valueText !== now.valueText || last.part !== now.part || last.status !== now.status) shown.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await page.getByLabel('Import files').setInputFiles({
    name: 'long-book.epub',
    mimeType: 'application/epub+zip',
    buffer: Buffer.from(await longBookEpub({ copies: 3, title: 'Moby-Dick Thrice' })),
  });
  const bar = library.importProgress.getByRole('progressbar', { name: 'Files imported' });
  await expect(bar).toHaveAttribute('aria-valuetext', /^0 of 1 file imported; reading long-book\.epub: chapter \d+ of 432$/, { timeout: 120_000 });
  await expect(library.importProgress).toContainText(/long-book\.epub chapter \d+ of 432/);
  await expectAccessible(page, 'import progress');
  await expect(library.importSummary).toContainText('Imported 1', { timeout: 180_000 });

  const shown = await page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);
  const chapters = shown.flatMap(({ valueText }) => {
    const match = /reading long-book\.epub: chapter (\d+) of 432$/.exec(valueText ?? '');
    return match ? [Number(match[1])] : [];
  });
  // Several chapters, each further on than the one before.
  expect(chapters.length, JSON.stringify(shown)).toBeGreaterThanOrEqual(3);
  expect(chapters).toEqual([...chapters].sort((a, b) => a - b));
  expect(new Set(chapters).size).toBe(chapters.length);
  // The text beside the name says the same; the bar moves within the one file.
  for (const state of shown.filter(({ valueText }) => valueText?.includes('chapter'))) {
    const chapter = Number(/chapter (\d+)/.exec(state.valueText!)![1]);
    expect(state.part).toBe(`chapter ${chapter} of 432`);
    expect(state.value).toBeCloseTo((chapter - 1) / 432, 5);
  }
  // The live region counts files; it never reads out chapters.
  expect(shown.every(({ status }) => status === null || /^Importing \d of 1$/.test(status))).toBe(true);
  expect(consoleErrors).toEqual([]);
});
