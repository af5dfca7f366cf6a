import { expect, type Locator, type Page } from '@playwright/test';
import { seedEveryScreen } from './responsive';

/**
 * Puts the interface in a right-to-left language (Arabic) before the app starts, for the whole
 * test: every page load of `page` from now on. The one place that says how a test gets a
 * right-to-left interface, so it can become "choose Arabic in Preferences" without touching a spec.
 *
 * Until then it sets `<html dir="rtl" lang="ar">` from an init script and holds them there: the
 * app may write the root's direction and language itself (from the interface language), and a
 * test of the right-to-left layout must not be switched back to left to right under it.
 */
export async function useRightToLeftInterface(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const hold = (root: HTMLElement): void => {
      const apply = (): void => {
        if (root.getAttribute('dir') !== 'rtl') root.setAttribute('dir', 'rtl');
        if (root.getAttribute('lang') !== 'ar') root.setAttribute('lang', 'ar');
      };
      apply();
      new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['dir', 'lang'] });
    };
    // An init script may run before the parser has made <html>: wait for it then.
    if (document.documentElement) {
      hold(document.documentElement);
      return;
    }
    const waiting = new MutationObserver(() => {
      if (!document.documentElement) return;
      waiting.disconnect();
      hold(document.documentElement);
    });
    waiting.observe(document, { childList: true });
  });
}

/** A library with something on every screen, the interface right to left, in a window of `size`. */
export async function openRightToLeft(page: Page, url: string, size: { width: number; height: number }): Promise<void> {
  await useRightToLeftInterface(page);
  await page.setViewportSize(size);
  await page.goto(url);
  await seedEveryScreen(page);
  await page.reload();
  await expectInterfaceDirection(page, 'rtl');
}

/** The interface's direction as the page computes it (what every logical property follows). */
export async function expectInterfaceDirection(page: Page, direction: 'rtl' | 'ltr'): Promise<void> {
  await expect(page.locator('html')).toHaveCSS('direction', direction);
  await expect(page.locator('body')).toHaveCSS('direction', direction);
}

/** Left and right edges of an element on screen, in px from the window's left. */
export async function horizontalEdges(locator: Locator): Promise<{ left: number; right: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return { left: box.x, right: box.x + box.width };
}

/**
 * Where an element's text sits on screen: its first character, the whole text, and the element's
 * box. Which edge a line starts from is what a reader sees of its direction.
 */
export function textEdges(
  locator: Locator,
): Promise<{ firstLeft: number; firstRight: number; textLeft: number; textRight: number; boxLeft: number; boxRight: number }> {
  return locator.evaluate((element) => {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    const first = walker.nextNode() as Text | null;
    if (!first) throw new Error('the element has no text');
    const start = first.textContent!.search(/\S/);
    const range = element.ownerDocument.createRange();
    range.setStart(first, start);
    range.setEnd(first, start + 1);
    const glyph = range.getBoundingClientRect();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { firstLeft: glyph.left, firstRight: glyph.right, textLeft: text.left, textRight: text.right, boxLeft: box.left, boxRight: box.right };
  });
}

/**
 * Whether the last character of an element's text is drawn right of the one before it, as in a
 * left-to-right line: an English title ending in a quote keeps that quote at its end only then.
 */
export function lastCharacterFollowsRightwards(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) last = node as Text;
    if (!last) throw new Error('the element has no text');
    const end = last.textContent!.trimEnd().length;
    if (end < 2) throw new Error('the element’s last text is too short to compare');
    const box = (from: number): DOMRect => {
      const range = element.ownerDocument.createRange();
      range.setStart(last, from);
      range.setEnd(last, from + 1);
      return range.getBoundingClientRect();
    };
    return box(end - 1).left >= box(end - 2).right - 1;
  });
}
