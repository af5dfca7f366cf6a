/**
 * A library damaged while Quire was closed is repaired when it opens, and the start-up notice
 * says so in the interface language: with the interface in Arabic, every word of the notice and
 * of its Details is Arabic; only the paths and file names the repairs name stay as they are.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startQuireServer } from '../support/browser-mode';

/**
 * What is left of a line once the names of files and folders, the app's name and the names of
 * formats (written in Latin letters in every language) are taken out.
 */
const wordsOf = (line: string): string => line.replace(/[\w.-]*[/.][\w./-]*/g, ' ').replace(/\b(?:Quire|JSON|ISO)\b/g, ' ');

test('the start-up notice and its details speak Arabic after repairs at start', async ({ page }) => {
  const first = await startQuireServer();
  let second: Awaited<ReturnType<typeof startQuireServer>> | null = null;
  try {
    // The reader chooses Arabic; the choice is kept in the settings.
    await page.goto(first.server.url);
    await page.getByRole('button', { name: 'Preferences' }).click();
    await page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.getByRole('dialog', { name: 'التفضيلات' }).getByRole('button', { name: 'تم' }).click();
    await page.goto('about:blank');
    await first.stop({ keep: true });

    // While Quire is closed: one article's article.json cut short, the other's text.txt gone, and
    // two temp files of interrupted writes.
    const articlesDir = path.join(first.server.libraryDir, 'articles');
    const [truncated, textless] = readdirSync(articlesDir).sort();
    if (truncated === undefined || textless === undefined) throw new Error('the sample library has fewer than two articles');
    const meta = path.join(articlesDir, truncated, 'article.json');
    writeFileSync(meta, readFileSync(meta).subarray(0, 40));
    rmSync(path.join(articlesDir, textless, 'text.txt'));
    writeFileSync(path.join(articlesDir, textless, 'article.json.1234567'), '{"half');
    writeFileSync(path.join(first.server.libraryDir, 'quire-library.json.7654321'), '');

    second = await startQuireServer(first.server.root);
    await page.goto(second.server.url);
    const notice = page.getByRole('status').filter({ hasText: 'أصلح' });
    // Four repairs of files (and the search index brought up to date, when it counts one).
    await expect(notice).toContainText(/أصلح Quire عند البدء \d+ أمور في مكتبتك/, { timeout: 30_000 });
    // (read without the invisible marks that isolate each path)
    const said = ((await notice.locator('.toast-text').textContent()) ?? '').replace(/[\u2068\u2069]/g, '');
    expect(said).toContain(`نُقل articles/${truncated} إلى الحجر`);
    expect(said).toContain('(الملف article.json ليس JSON صالحًا (مقطوع أو تالف))');
    expect(wordsOf(said), said).not.toMatch(/[A-Za-z]/);

    // Details lists every repair, each in Arabic.
    await notice.getByRole('button', { name: 'التفاصيل' }).click();
    const details = page.getByRole('dialog', { name: 'فحص المكتبة عند البدء' });
    await expect(details.getByRole('heading', { name: /^أُصلحت \d+ أمور$/ })).toBeVisible();
    const lines = (await details.getByRole('listitem').allTextContents()).map((line) => line.replace(/[\u2068\u2069]/g, ''));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(wordsOf(line), line).not.toMatch(/[A-Za-z]/);
    expect(lines).toContain(`أُعيد بناء articles/${textless}/text.txt من content.html`);
    await details.getByRole('button', { name: 'إغلاق' }).click();
    await expect(details).toBeHidden();
  } finally {
    await second?.stop();
    await first.stop();
  }
});
