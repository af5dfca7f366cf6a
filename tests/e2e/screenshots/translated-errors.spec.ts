/**
 * What the core says, in the interface language: the import summary with a file that could not
 * be imported, and the edit dialog refusing an empty title, in Arabic (right to left) and German,
 * named `core-sentence-<screen>-<locale>.png` in docs/screenshots/ for a person to look at. Run
 * with `npm run screenshots` (after `npm run build`).
 */
import { expect, test } from '../support/browser-mode';
import { DAMAGED_EPUB, importWithAFailure, openInLanguage } from '../support/languages';
import { SEED_TITLE } from '../support/reading-flow';
import { shoot } from './shots';

for (const locale of ['ar', 'de'] as const) {
  test(`the core's sentences in ${locale}: a failed import and a refused edit`, async ({ page, quire }) => {
    const words = await openInLanguage(page, quire.url, locale);

    const summary = await importWithAFailure(page, words);
    await expect(summary).toContainText(DAMAGED_EPUB);
    await expect(summary).toContainText(words('core.import.epubDamaged'));
    await shoot(page, `core-sentence-import-summary-${locale}`);
    await summary.getByRole('button', { name: words('importSummary.dismiss') }).click();

    await page.getByRole('button', { name: words('article.edit.named', { title: SEED_TITLE }) }).click();
    const dialog = page.getByRole('dialog', { name: words('editArticle.title') });
    await dialog.getByLabel(words('editArticle.field.title')).fill(' ');
    await dialog.getByRole('button', { name: words('common.save') }).click();
    await expect(dialog).toContainText(words('core.edit.titleEmpty'));
    await shoot(page, `core-sentence-edit-refused-${locale}`);
  });
}
