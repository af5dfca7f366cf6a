import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ArticleMeta, ImportOutcome } from '../../../electron/shared/models';
import { BookmarksPage, callApi, LibraryPage, NotesPage, ReaderPage } from './pages';
import { SEED_TITLE } from './reading-flow';

/** Phone, small laptop window, laptop, 4K at 150 % (what the layout must hold at). */
export const WINDOW_SIZES = [
  { width: 360, height: 740 },
  { width: 800, height: 700 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
] as const;

/** Below this width the header's sections and actions are behind its Menu button (app.css). */
export const MENU_BELOW = 1160;

export const ARABIC_TITLE = 'مكتبة في جيبك: القراءة دون اتصال';
const ARABIC = path.resolve('tests/fixtures/screenshots/arabic-article.md');

/** Bookmarks with notes, notes on whole articles, and an article in the trash: every screen has something to lay out. */
export async function seedEveryScreen(page: Page): Promise<void> {
  const articles = await callApi<ArticleMeta[]>(page, 'listArticles');
  const seed = articles.find((a) => a.title === SEED_TITLE)!;
  const welcome = articles.find((a) => /Welcome to Quire/.test(a.title))!;
  const [arabic] = await callApi<ImportOutcome[]>(page, 'importPaths', [ARABIC]);
  if (arabic?.status !== 'imported') throw new Error('the Arabic article was not imported');
  const marks = [
    [seed.id, 'Iraq is trying to bridge the views of neighboring countries', 'green', 'Mediation between neighbours, with a long note that has to wrap inside its card on a phone'],
    [seed.id, 'the first Baghdad conference was held', 'pink', 'Which conference?'],
    [arabic.article.id, 'المكتبة الشخصية التي تعمل دون اتصال بالإنترنت', 'blue', 'فكرة المقالة كلها في هذه الجملة.'],
  ] as const;
  for (const [articleId, quote, color, note] of marks) {
    await callApi(page, 'createAnnotation', { articleId, kind: 'bookmark', passage: { quote }, color, note });
  }
  await callApi(page, 'createAnnotation', { articleId: seed.id, kind: 'note', note: 'Compare with the **second** report on the same talks.' });
  await callApi(page, 'deleteArticle', welcome.id);
}

/** The header control that leads to `name` (a section or an action), opening the menu first in a narrow window. */
export async function headerControl(page: Page, name: string | RegExp, kind: 'button' | 'label' = 'button'): Promise<Locator> {
  const menuButton = page.getByRole('button', { name: 'Menu' });
  if ((page.viewportSize()?.width ?? 0) < MENU_BELOW) {
    await expect(menuButton).toBeVisible();
    if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
  } else {
    await expect(menuButton).toBeHidden();
  }
  const header = page.locator('.app-header');
  return kind === 'label' ? header.locator('label', { hasText: name }) : header.getByRole('button', { name, exact: true });
}

export async function showSection(page: Page, section: 'Library' | 'Bookmarks' | 'Notes' | 'Trash'): Promise<void> {
  await (await headerControl(page, section)).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

/** What is wider than the window: the page itself, the reading column, any control a user can see. */
export function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const page = document.scrollingElement!;
    if (page.scrollWidth > width) problems.push(`the page is ${page.scrollWidth} px wide in a ${width} px window`);
    const column = document.querySelector('.article-content');
    if (column && column.scrollWidth > column.clientWidth + 1) problems.push(`the reading column holds ${column.scrollWidth} px in ${column.clientWidth} px`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    // Scrolled away inside its own scroller (a wide table in the article) is not off-screen.
    const clippedByScroller = (el: Element, rect: DOMRect): boolean => {
      for (let up = el.parentElement; up; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX === 'visible') continue;
        const box = up.getBoundingClientRect();
        if (rect.right <= box.left || rect.left >= box.right) return true;
      }
      return false;
    };
    const interactive = 'a[href], button, input, select, textarea, summary, label.button, [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll(interactive)) {
      const rect = el.getBoundingClientRect();
      // Not rendered, or visually hidden on purpose (1 px, clipped: a file input behind its label).
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (getComputedStyle(el).visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
      if (rect.left < -0.5 || rect.right > width + 0.5) {
        if (clippedByScroller(el, rect)) continue;
        problems.push(`${describe(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      }
    }
    return problems;
  });
}

/** Fails with the list of what overflows, naming the screen and the window. */
export async function expectNoOverflow(page: Page, screen: string): Promise<void> {
  const size = page.viewportSize();
  expect(await overflowProblems(page), `${screen} at ${size?.width}×${size?.height}`).toEqual([]);
}

/** Visible and inside the window: a user can reach and press it. */
export async function expectReachable(control: Locator): Promise<void> {
  await expect(control).toBeVisible();
  // Scrolling down to it is fine; being cut off at the side or under something else is not.
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport({ ratio: 1 });
}

export interface Screen {
  name: string;
  /** only there in a window narrow enough for the header menu */
  narrowOnly?: boolean;
  /** goes to the screen from wherever the previous one left off, and checks its key controls */
  show: (page: Page) => Promise<void>;
}

const narrow = (page: Page): boolean => (page.viewportSize()?.width ?? 0) < MENU_BELOW;

/** Every screen, in a walk that starts in the library. */
export const SCREENS: Screen[] = [
  {
    name: 'library',
    show: async (page) => {
      await showSection(page, 'Library');
      const library = new LibraryPage(page);
      await expect(library.articleButton(SEED_TITLE)).toBeVisible();
      await expectReachable(page.getByRole('searchbox', { name: 'Search library' }));
      await expectReachable(page.getByRole('button', { name: `Move ${SEED_TITLE} to trash` }));
      await expectReachable(page.getByLabel('Sort by'));
    },
  },
  {
    name: 'menu',
    narrowOnly: true,
    show: async (page) => {
      await expectReachable(await headerControl(page, 'Import folder', 'label'));
      await expectReachable(page.locator('.app-header label', { hasText: 'Import files' }));
      await expectReachable(page.locator('.app-header').getByRole('button', { name: 'Preferences' }));
      for (const section of ['Library', 'Bookmarks', 'Notes', 'Trash']) {
        await expectReachable(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }));
      }
    },
  },
  {
    name: 'search',
    show: async (page) => {
      if (narrow(page)) await page.keyboard.press('Escape'); // the menu
      const search = page.getByRole('searchbox', { name: 'Search library' });
      await search.fill('Baghdad conference');
      await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
      await expectReachable(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first());
      await expectReachable(page.getByRole('group', { name: 'Filter and sort results' }).getByLabel('Tag', { exact: true }));
    },
  },
  {
    name: 'reader',
    show: async (page) => {
      const search = page.getByRole('searchbox', { name: 'Search library' });
      await search.fill('');
      await search.press('Escape');
      await showSection(page, 'Library');
      await new LibraryPage(page).open(SEED_TITLE);
      const reader = new ReaderPage(page);
      await expect(reader.article.locator('mark.quire-color-green').first()).toBeVisible();
      await expectReachable(page.getByRole('button', { name: 'Back to library' }));
      await expectReachable(page.getByRole('button', { name: 'Bookmark selection' }));
      if (narrow(page)) {
        await expect(reader.panel).toBeHidden();
        await page.getByRole('button', { name: /^Bookmarks and notes/ }).click();
      }
      await expect(reader.panel).toBeVisible();
      await expectReachable(reader.panel.getByRole('button', { name: 'Edit' }).first());
      await expectReachable(reader.panel.getByRole('button', { name: 'Delete' }).first());
    },
  },
  {
    name: 'reader-settings',
    show: async (page) => {
      if (narrow(page)) {
        await page.keyboard.press('Escape'); // the drawer
        await expect(new ReaderPage(page).panel).toBeHidden();
      }
      const fold = page.getByRole('button', { name: 'Text settings' });
      if (await fold.isVisible()) await fold.click();
      await page.getByRole('button', { name: 'Text layout' }).click();
      await expectReachable(page.getByRole('slider', { name: 'Column width' }));
      await expectReachable(page.getByLabel('Theme'));
      await expectReachable(page.getByRole('button', { name: 'Focus mode' }));
      // Left open: the next screen's first click closes them, as a press outside does.
    },
  },
  {
    name: 'focus-mode',
    show: async (page) => {
      // A click in the text closes the open settings (a press outside) and puts the focus there.
      const size = page.viewportSize()!;
      await page.mouse.click(size.width / 2, size.height - 40);
      await page.keyboard.press('f');
      await expect(page.getByRole('button', { name: 'Back to library' })).not.toBeInViewport();
      await expect(new ReaderPage(page).panel).toBeHidden();
      await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeInViewport();
    },
  },
  {
    name: 'bookmarks',
    show: async (page) => {
      await page.keyboard.press('f'); // focus mode off again: it is remembered
      await expect(page.getByRole('button', { name: 'Back to library' })).toBeInViewport();
      await page.getByRole('button', { name: 'Back to library' }).click();
      await showSection(page, 'Bookmarks');
      const item = new BookmarksPage(page).item(/bridge the views/);
      await expectReachable(item.getByRole('button', { name: 'Delete' }));
      await expectReachable(item.getByRole('button', { name: 'Edit' }));
    },
  },
  {
    name: 'notes',
    show: async (page) => {
      await showSection(page, 'Notes');
      await expectReachable(new NotesPage(page).editor(SEED_TITLE));
      await expectReachable(page.getByRole('button', { name: `Delete note on ${SEED_TITLE}` }));
    },
  },
  {
    name: 'trash',
    show: async (page) => {
      await showSection(page, 'Trash');
      await expectReachable(page.getByRole('button', { name: /^Restore Welcome to Quire/ }));
      await expectReachable(page.getByRole('button', { name: 'Empty trash' }));
    },
  },
  {
    name: 'preferences',
    show: async (page) => {
      await (await headerControl(page, 'Preferences')).click();
      const dialog = page.getByRole('dialog', { name: 'Preferences' });
      await expect(dialog).toBeVisible();
      await expectReachable(dialog.getByLabel('Theme'));
      await dialog.getByRole('button', { name: 'Done' }).scrollIntoViewIfNeeded();
      await expectReachable(dialog.getByRole('button', { name: 'Done' }));
      await expect(dialog.getByRole('slider', { name: 'Side margins' })).toBeAttached();
    },
  },
  {
    name: 'covers',
    show: async (page) => {
      await page.getByRole('dialog', { name: 'Preferences' }).getByRole('button', { name: 'Done' }).click();
      await showSection(page, 'Library');
      const layout = page.getByRole('group', { name: 'Show the library as' });
      await layout.getByRole('button', { name: 'Covers' }).click();
      await expect(page.locator('.article-grid')).toBeVisible();
      await expectReachable(new LibraryPage(page).articleButton(SEED_TITLE));
      await expectReachable(page.getByRole('checkbox', { name: `Select ${SEED_TITLE}` }));
      await expectReachable(layout.getByRole('button', { name: 'List' }));
    },
  },
  {
    name: 'selection',
    show: async (page) => {
      await page.getByRole('group', { name: 'Show the library as' }).getByRole('button', { name: 'List' }).click();
      const library = new LibraryPage(page);
      await library.select(SEED_TITLE);
      await library.select(ARABIC_TITLE);
      const bar = page.getByRole('region', { name: 'Selected articles' });
      await expect(bar).toContainText('2 articles selected');
      const actions = bar.getByRole('group', { name: 'Actions on the selected articles' });
      for (const action of await actions.getByRole('button').all()) await expectReachable(action);
      await expectReachable(bar.getByRole('button', { name: 'Add tag' }));
      await expectReachable(bar.getByRole('button', { name: 'Clear selection' }));
    },
  },
  {
    name: 'edit-details',
    show: async (page) => {
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await page.getByRole('button', { name: `Edit details of ${SEED_TITLE}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit details' });
      await expect(dialog.getByLabel('Title')).toHaveValue(SEED_TITLE);
      for (const field of ['Title', 'Author', 'Tags, separated by commas']) await expectReachable(dialog.getByLabel(field));
      await expectReachable(dialog.getByRole('button', { name: 'Save' }));
      await expectReachable(dialog.getByRole('button', { name: 'Cancel' }));
    },
  },
  {
    name: 'note-dialog',
    show: async (page) => {
      await page.getByRole('dialog', { name: 'Edit details' }).getByRole('button', { name: 'Cancel' }).click();
      await new LibraryPage(page).open(SEED_TITLE);
      const reader = new ReaderPage(page);
      if (narrow(page)) await page.getByRole('button', { name: /^Bookmarks and notes/ }).click();
      await reader.panel.getByRole('button', { name: 'Note on this article' }).click();
      const dialog = page.getByRole('dialog', { name: 'New note' });
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Read **beside** the minister’s own statement:\n\n- the dates\n- who was there');
      await expect(dialog.getByRole('region', { name: 'Preview of the note' }).locator('strong')).toHaveText('beside');
      await expectReachable(dialog.getByRole('textbox', { name: 'Note' }));
      await expectReachable(dialog.getByRole('button', { name: 'Save note' }));
      await expectReachable(dialog.getByRole('button', { name: 'Cancel' }));
      // Left open, unsaved: the walk ends here, and Escape closes it.
    },
  },
];
