import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails with the rule ids and the elements when axe finds a serious or critical WCAG A/AA issue. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const t0 = Date.now();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
  console.log(`axe ${screen}: ${Date.now() - t0} ms`);
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility of the ${screen}`).toEqual([]);
}
