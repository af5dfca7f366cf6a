import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, FindBar, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';

test('Ctrl+F finds a word in the article: count, Enter to the next, Escape clears', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  const reader = new ReaderPage(page);
  const find = new FindBar(page);

  // Outside the reader Ctrl+F is not Quire's: no find bar in the library.
  await page.getByRole('main').getByRole('button', { name: SEED_TITLE }).first().focus();
  await page.keyboard.press('Control+f');
  await expect(find.bar).toHaveCount(0);

  await new LibraryPage(page).open(SEED_TITLE);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  const body = (await reader.article.textContent()) ?? '';
  const total = body.match(/iraq/gi)?.length ?? 0;
  expect(total).toBeGreaterThan(2);

  await find.find('iraq');
  await expect(find.count).toHaveText(`1 of ${total}`);
  await expect.poll(async () => (await find.painted()).all).toBe(total);
  expect((await find.painted()).current).toEqual(['Iraq']);
  await expectAccessible(page, 'reader with the find bar');

  await find.field.press('Enter');
  await expect(find.count).toHaveText(`2 of ${total}`);
  // The current match is scrolled into the reader's view.
  const inView = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('quire-find-current') ?? [])][0] as Range;
    const rect = range.getBoundingClientRect();
    const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    return rect.top >= view.top && rect.bottom <= view.bottom;
  });
  expect(inView).toBe(true);
  await find.field.press('Shift+Enter');
  await find.field.press('Shift+Enter');
  await expect(find.count).toHaveText(`${total} of ${total}`);

  await find.field.fill('no such word anywhere');
  await expect(find.count).toHaveText('No matches');
  await find.field.fill('iraq');
  await expect(find.count).toHaveText(/ of /);

  await find.field.press('Escape');
  await expect(find.bar).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  await expect(page.getByRole('region', { name: 'Article text' })).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('a long article with thousands of matches: all counted, those near the view painted, following the scroll', async ({
  page,
  quire,
}) => {
  const file = path.join(quire.homeDir, 'long-manual.txt');
  const paragraphs = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i + 1}: the whale swam past the harbour café at dawn.`);
  writeFileSync(file, `Long manual\n\n${paragraphs.join('\n\n')}\n`);
  await page.goto(quire.url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  expect(outcome?.status).toBe('imported');
  await page.reload();
  await new LibraryPage(page).open(/Long manual/);
  await expect(new ReaderPage(page).article).toContainText('Paragraph 3000');
  const find = new FindBar(page);
  await find.find('CAFE');
  await expect(find.count).toHaveText('1 of 3,000');
  const nearView = async () =>
    page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('quire-find') ?? [])] as Range[];
      const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      const visible = ranges.filter((r) => {
        const rect = r.getBoundingClientRect();
        return rect.bottom > view.top && rect.top < view.bottom;
      });
      return { painted: ranges.length, visible: visible.length };
    });
  const first = await nearView();
  expect(first.painted).toBeGreaterThan(0);
  expect(first.painted).toBeLessThan(3000);
  expect(first.visible).toBeGreaterThan(3);

  // Far down the article, the matches in view are painted too.
  await page.locator('.reader-scroll').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  await expect.poll(async () => (await nearView()).visible).toBeGreaterThan(3);
  await find.field.press('Shift+Enter');
  await expect(find.count).toHaveText('3,000 of 3,000');
  expect((await find.painted()).current).toEqual(['café']);
  await expect.poll(async () => (await nearView()).visible).toBeGreaterThan(3);
});
