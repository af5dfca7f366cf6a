/**
 * The interface in one of the shipped languages, for tests that walk it: elements are found by
 * their names in that language's catalog (the same words a reader sees), so one walk serves
 * every language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, MessageId } from '../../../electron/shared/i18n/catalogs';
import { localeDirection, type InterfaceLocale } from '../../../electron/shared/i18n/locales';
import { callApi } from './pages';
import { seedEveryScreen } from './responsive';
import { expectInterfaceDirection } from './rtl';

export type Words = (id: MessageId, values?: Record<string, string | number>) => string;

// Read from disk: Playwright's loader does not import JSON modules.
const catalogOf = (locale: InterfaceLocale): Catalog =>
  JSON.parse(readFileSync(path.resolve('electron/shared/i18n/messages', `${locale}.json`), 'utf8')) as Catalog;

/** A catalog message in `locale`, formatted as the page formats it. */
export function wordsIn(locale: InterfaceLocale): Words {
  const catalog = catalogOf(locale);
  return (id, values) => String(new IntlMessageFormat(catalog[id], locale).format(values));
}

/** Something on every screen, then the interface in `locale` (chosen as Preferences does), at a laptop's size. */
export async function openInLanguage(page: Page, url: string, locale: InterfaceLocale): Promise<Words> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await seedEveryScreen(page);
  await callApi(page, 'setSettings', { language: locale });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expectInterfaceDirection(page, localeDirection(locale));
  return wordsIn(locale);
}

export const DAMAGED_EPUB = 'damaged.epub';

/**
 * Imports, with "Import files", a Markdown note and an EPUB that is not a zip archive: the summary
 * lists the one and says, in the interface language, why the other was not imported.
 */
export async function importWithAFailure(page: Page, words: Words): Promise<Locator> {
  await page.locator('.app-header').getByLabel(words('import.files'), { exact: true }).setInputFiles([
    { name: 'kept-note.md', mimeType: 'text/markdown', buffer: Buffer.from('# A kept note\n\nA few words to keep.\n') },
    { name: DAMAGED_EPUB, mimeType: 'application/epub+zip', buffer: Buffer.from('This is not a zip archive at all.') },
  ]);
  const summary = page.getByRole('region', { name: words('importSummary.finished') });
  await expect(summary.getByRole('heading', { name: words('importSummary.failed', { count: 1 }) })).toBeVisible();
  return summary;
}

/** The header's button for `key`, opening Menu first where the language folds the sections behind it (German and French at 1280 px). */
export async function headerButtonIn(page: Page, words: Words, key: 'nav.library' | 'nav.bookmarks' | 'nav.notes' | 'nav.preferences'): Promise<Locator> {
  const header = page.locator('.app-header');
  const button = header.getByRole('button', { name: words(key), exact: true });
  const menu = header.getByRole('button', { name: words('nav.menu'), exact: true });
  // Whether the header folds is measured in the words it shows: once one of the two is visible in
  // this language (right after a load the header may still be in the words it started with), the
  // header has measured them.
  await expect(button.or(menu).filter({ visible: true }).first()).toBeVisible();
  if ((await header.getAttribute('data-compact')) !== null && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return button;
}

/** A section of the header (Library, Bookmarks, Notes), opened and shown. */
export async function showSectionIn(page: Page, words: Words, section: 'nav.library' | 'nav.bookmarks' | 'nav.notes'): Promise<void> {
  await (await headerButtonIn(page, words, section)).click();
  await expect(page.getByRole('heading', { level: 1, name: words(section) })).toBeVisible();
}
