/**
 * A formula imported from a web page is drawn by the reader as MathML (Chromium renders MathML
 * Core), with no script: a fraction stacks, a displayed formula stands on a line of its own, and
 * find in the article finds a formula by its text.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../electron/shared/models';
import { expect, test } from '../support/browser-mode';
import { callApi, FindBar, LibraryPage, ReaderPage } from '../support/pages';

test('a MathJax page reads as MathML: the quadratic formula is a stacked fraction on a line of its own', async ({ page, quire, consoleErrors }, testInfo) => {
  const file = path.join(quire.homeDir, 'quadratic.html');
  copyFileSync(path.resolve('tests/fixtures/math/mathjax2-saved-page.html'), file);
  await page.goto(quire.url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  expect(outcome?.status).toBe('imported');
  await page.reload();
  await new LibraryPage(page).open('Quadratic Equations – Algebra Notes');
  const reader = new ReaderPage(page);
  await expect(reader.article).toContainText('there are two solutions to');

  const formula = reader.article.locator('math[display="block"]');
  await expect(formula).toHaveCount(1);
  const drawn = await formula.evaluate((math) => {
    const fraction = math.querySelector('mfrac')!;
    const [numerator, denominator] = Array.from(fraction.children, (part) => part.getBoundingClientRect());
    const paragraph = math.previousElementSibling?.getBoundingClientRect();
    return {
      namespace: math.namespaceURI,
      display: getComputedStyle(math).display,
      stacked: numerator!.bottom <= denominator!.top + 1,
      ownLine: paragraph === undefined || math.getBoundingClientRect().top >= paragraph.bottom - 1,
      scripts: document.querySelectorAll('script[type^="math/"]').length,
    };
  });
  expect(drawn).toEqual({ namespace: 'http://www.w3.org/1998/Math/MathML', display: 'block math', stacked: true, ownLine: true, scripts: 0 });
  await formula.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('formula.png') });

  // The formula's text is the article's text: find in the article finds it.
  const find = new FindBar(page);
  await find.find('b2 − 4 a c');
  await expect(find.count).toHaveText('1 of 2');
  expect(consoleErrors).toEqual([]);
});
