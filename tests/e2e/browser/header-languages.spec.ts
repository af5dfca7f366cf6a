/**
 * The header in every interface language at 800 and 1280 px: the search box is never narrower
 * than its placeholder (German's sections and French's placeholder are far longer than English
 * ones), nothing sticks out of the window, and the sections are either a row or behind Menu.
 */
import { expect, test } from '../support/browser-mode';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'ar', 'ja', 'zh-CN'];

test('the header fits its words in every language at 800 and 1280 px', async ({ page, quire }) => {
  test.setTimeout(120_000);
  await page.goto(quire.url);
  const header = page.locator('.app-header');
  const folded: string[] = [];
  for (const language of LANGUAGES) {
    await page.setViewportSize({ width: 1400, height: 700 });
    await header.locator('button[aria-keyshortcuts="Control+Comma"]').click();
    await page.getByRole('dialog').locator('select:has(option[value="zh-CN"])').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    for (const width of [800, 1280]) {
      await page.setViewportSize({ width, height: 700 });
      const measure = () => header.evaluate((element) => {
        const input = element.querySelector<HTMLInputElement>('.search-input')!;
        const style = getComputedStyle(input);
        const probe = document.createElement('span');
        Object.assign(probe.style, { position: 'absolute', whiteSpace: 'pre', font: style.font });
        probe.textContent = input.placeholder;
        document.body.append(probe);
        const placeholder = probe.getBoundingClientRect().width + parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
        probe.remove();
        const outside = [...element.querySelectorAll<HTMLElement>('button, input, label')]
          .filter((control) => control.offsetParent !== null)
          .filter((control) => {
            const box = control.getBoundingClientRect();
            return box.left < 0 || box.right > window.innerWidth;
          }).length;
        return { input: input.clientWidth, placeholder, outside, compact: element.hasAttribute('data-compact') };
      });
      // The header folds or unfolds in the frames after a resize (a ResizeObserver, then React):
      // two frames rendered after the resize, then until what it shows fits.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      await expect
        .poll(async () => {
          const now = await measure();
          return now.input >= Math.floor(now.placeholder) && now.outside === 0;
        }, { message: `${language} at ${width} px settles` })
        .toBe(true);
      const measured = await measure();
      const where = `${language} at ${width} px`;
      if (measured.compact) folded.push(where);
      expect(measured.input, where).toBeGreaterThanOrEqual(Math.floor(measured.placeholder));
      expect(measured.outside, where).toBe(0);
      const sections = page.locator('.app-nav button');
      if (measured.compact) await expect(sections.first(), where).toBeHidden();
      else await expect(sections.last(), where).toBeVisible();
    }
  }
  // Every language folds at 800 px; at 1280 px German and French do (measured), the others keep their
  // row. Chinese and Japanese words are as wide as that only in a font that has their characters
  // (.ci/run installs one): drawn as empty boxes, the Chinese row fits in 800 px.
  const cjkFont = await page.evaluate(() => {
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 40;
      const context = canvas.getContext('2d')!;
      context.font = '32px sans-serif';
      context.fillText(text, 2, 32);
      return canvas.toDataURL();
    };
    // A character no font has is drawn as the missing-glyph box: so is 中 where no font has it.
    return draw('中') !== draw('\u{10FFFD}');
  });
  const expected = [...LANGUAGES.map((language) => `${language} at 800 px`), 'de at 1280 px', 'fr at 1280 px'];
  if (!cjkFont) test.info().annotations.push({ type: 'skipped in part', description: 'no font for Chinese and Japanese on this machine: their folding at 800 px is not checked' });
  const checked = (where: string) => cjkFont || !/^(ja|zh-CN) /.test(where);
  expect([...folded].filter(checked).sort()).toEqual(expected.filter(checked).sort());
});
