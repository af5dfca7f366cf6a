import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';

/** axe-core's browser build, put into the page under test. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type PageWithAxe = typeof globalThis & { axe?: typeof Axe };

/**
 * Fails with the rule ids and the elements when axe finds a serious or critical WCAG A/AA issue.
 *
 * axe-core runs in the page itself, put there once per page load: @axe-core/playwright injects its
 * half a megabyte of script into every frame at every check and finishes each check in a new blank
 * page, 4–5 s a check on a loaded 2-core machine against 0.3 s for the run itself (52 checks in the
 * suite). Quire's pages have no frames, which that wrapper exists for; the check fails if one
 * appears, rather than leaving it unchecked.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(page.frames(), `frames in the ${screen} (axe runs in the main frame only)`).toHaveLength(1);
  if (!(await page.evaluate(() => (globalThis as PageWithAxe).axe !== undefined))) await page.evaluate(AXE_SOURCE);
  // Colours are checked as they settle: a button's background eases over 120 ms while its text
  // changes at once, so right after a theme change axe could measure the contrast halfway.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as PageWithAxe).axe;
    if (!axe) throw new Error('axe-core did not load in the page');
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((node) => node.target.join(' ')) }));
  }, WCAG_TAGS);
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.targets.join(', ')}`);
  expect(blocking, `accessibility of the ${screen}`).toEqual([]);
}
