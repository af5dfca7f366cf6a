import { expect, type Locator, type Page } from '@playwright/test';
import { httpRoute, type ReaderMethod } from '../../../electron/shared/contract';

/**
 * Page objects: one per screen, named the way a user would describe what they do. A view loads its
 * data after it appears: anything that counts or walks its items first waits for that data (its
 * list, or its empty state), never for time, so a count cannot read a view that is still loading.
 */
export class LibraryPage {
  constructor(private readonly page: Page) {}

  articleButton(title: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('button', { name: title }).first();
  }

  async open(title: string | RegExp): Promise<void> {
    await this.articleButton(title).click();
  }

  async moveToTrash(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Move ${title} to trash` }).click();
  }

  /** Picks a folder with "Import folder" (every file inside it, recursively). */
  async importFolder(folder: string): Promise<void> {
    await this.page.getByLabel('Import folder').setInputFiles(folder);
  }

  get importProgress(): Locator {
    return this.page.getByRole('region', { name: 'Import in progress' });
  }

  get importSummary(): Locator {
    return this.page.getByRole('region', { name: /^Import (finished|cancelled)$/ });
  }

  /** The titles of the rows the list shows, top to bottom. */
  async titles(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Articles' }).locator('.article-title-button').allTextContents();
  }

  /** Waits until the library list shows its articles (a new library always holds the samples). */
  async loaded(): Promise<void> {
    await expect(this.page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
  }

  /** Ticks an article's checkbox, scrolling the list to it first as a user would (rows far from view are not rendered). */
  async select(title: string | RegExp): Promise<void> {
    await this.loaded();
    const name = typeof title === 'string' ? `Select ${title}` : new RegExp(`^Select .*${title.source}`);
    const box = this.page.getByRole('checkbox', { name });
    const view = this.page.getByRole('main');
    await view.evaluate((el) => el.scrollTo(0, 0));
    for (let step = 0; step < 200 && (await box.count()) === 0; step += 1) {
      await view.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.7));
    }
    await box.check();
  }

  async addTagToSelected(tag: string): Promise<void> {
    const bar = this.page.getByRole('region', { name: 'Selected articles' });
    await bar.getByLabel('Tag').fill(tag);
    await bar.getByRole('button', { name: 'Add tag' }).click();
  }

  async filterByTag(tag: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Sort and filter' }).getByLabel('Tag').selectOption(tag);
  }

  async sortBy(order: 'Recently added' | 'Recently published' | 'Title' | 'Author' | 'Site' | 'Reading progress'): Promise<void> {
    await this.page.getByLabel('Sort by').selectOption(order);
  }
}

export class TrashPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Trash', exact: true }).click();
  }

  async emptyTrash(): Promise<void> {
    await this.page.getByRole('button', { name: 'Empty trash' }).click();
    await this.page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Delete for good' }).click();
  }
}

export class SearchBox {
  readonly input: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.input = page.getByRole('searchbox', { name: 'Search library' });
    this.results = page.getByRole('listbox', { name: 'Search results' }).or(page.getByRole('list', { name: 'Search results' }));
  }

  /**
   * Ctrl+K, as a user would, then the query. Right after a page load the shortcut may not be
   * listened for yet (the search box installs it once it has rendered) and a press then does
   * nothing, as for a user: pressed again until the box has the focus.
   */
  async search(query: string): Promise<void> {
    await expect(async () => {
      await this.page.keyboard.press('Control+k');
      await expect(this.input).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await this.input.fill(query);
  }

  result(text: string | RegExp): Locator {
    return this.results.getByText(text).first();
  }

  /** The filter and sort controls above the results. */
  get filters(): Locator {
    return this.page.getByRole('group', { name: 'Filter and sort results' });
  }

  /** The line that counts the results ("2 articles · 3 passages (1 note)"). */
  get summary(): Locator {
    return this.page.locator('.search-panel [role="status"]');
  }

  async filterBy(filter: 'Tag' | 'Format' | 'Language', option: string): Promise<void> {
    await this.filters.getByLabel(filter, { exact: true }).selectOption({ label: option });
  }

  /** Types a day (YYYY-MM-DD) into the From or To date field, or empties it with ''. */
  async setDate(field: 'From' | 'To', day: string): Promise<void> {
    await this.filters.getByLabel(field, { exact: true }).fill(day);
  }

  async sortBy(order: 'Relevance' | 'Newest first'): Promise<void> {
    await this.filters.getByLabel('Sort', { exact: true }).selectOption({ label: order });
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  /** The titles of the articles in the results, top to bottom, as shown. */
  async articleTitles(): Promise<string[]> {
    return this.results.locator('.search-group-head .search-hit-title').allTextContents();
  }
}

export class ReaderPage {
  readonly article: Locator;
  readonly panel: Locator;
  /** the colour bar at a selected passage */
  readonly colourBar: Locator;
  /** the popover of a clicked (or focused) highlight */
  readonly highlightPopover: Locator;

  constructor(private readonly page: Page) {
    this.article = page.locator('[data-testid="article-body"]');
    this.panel = page.getByRole('complementary', { name: /Bookmarks and notes/ });
    this.colourBar = page.getByRole('toolbar', { name: 'Highlight the selected passage' });
    this.highlightPopover = page.getByRole('toolbar', { name: /highlight$/ });
  }

  /** The marks of the highlight that holds `text` (its colour is their class, quire-color-…). */
  highlight(text: string): Locator {
    return this.article.locator('mark.quire-highlight', { hasText: text });
  }

  /** Selects `text` and clicks a colour in the bar that appears at it: one step, as a user highlights. */
  async highlightText(text: string, colour: 'Yellow' | 'Green' | 'Blue' | 'Pink' | 'Purple'): Promise<void> {
    await this.selectText(text);
    await this.colourBar.getByRole('button', { name: `Highlight ${colour.toLowerCase()}` }).click();
    await expect(this.colourBar).toHaveCount(0);
  }

  /** Selects the first occurrence of `text` inside the article, as a user dragging the mouse would. */
  async selectText(text: string): Promise<void> {
    await expect(this.article).toContainText(text);
    await this.article.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          const rect = range.getBoundingClientRect();
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
          return;
        }
      }
      throw new Error(`"${wanted}" is not in the article`);
    }, text);
  }
}

/** Calls the contract from inside the page, as the UI does (browser mode: the token the tab keeps, in a header). */
export async function callApi<T>(page: Page, method: ReaderMethod, ...args: unknown[]): Promise<T> {
  // The page keeps the token only once the server accepted its first call: wait for that, not for time.
  await page.waitForFunction(() => sessionStorage.getItem('quire.token') !== null);
  const result = await page.evaluate(
    async ({ route, args }) => {
      const response = await fetch(route, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Quire-Token': sessionStorage.getItem('quire.token') ?? '' },
        body: JSON.stringify(args),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { route: httpRoute(method), args },
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

export class ReaderControls {
  constructor(private readonly page: Page) {}

  async setTheme(theme: 'System' | 'Light' | 'Dark' | 'Sepia'): Promise<void> {
    await this.page.getByLabel('Theme').selectOption(theme);
  }

  async setFont(font: 'Serif' | 'Sans' | 'Dyslexia-friendly'): Promise<void> {
    await this.page.getByLabel('Font', { exact: true }).selectOption(font);
  }

  /** Scrolls the article until `text` is in view (selecting it then shows the selection toolbar there). */
  async scrollToText(text: string): Promise<void> {
    const article = this.page.locator('[data-testid="article-body"]');
    await expect(article).toContainText(text);
    await article.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.includes(wanted)) {
          node.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }, text);
  }

  /** Bookmarks the selected text with a colour and a note, through the toolbar's dialog. */
  async bookmarkSelection(colour: string, note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Bookmark selection' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New bookmark' });
    await dialog.getByRole('radio', { name: colour }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Save bookmark' }).click();
    await expect(dialog).toHaveCount(0);
  }
}

export class BookmarksPage {
  readonly list: Locator;
  readonly unplaced: Locator;

  constructor(private readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Bookmarks', exact: true });
    this.unplaced = page.getByRole('list', { name: 'Bookmarks not placed' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Bookmarks' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
    await this.loaded();
  }

  /** Waits until the view has its bookmarks: their count ("3 bookmarks"), or "No bookmarks yet." */
  async loaded(): Promise<void> {
    const count = this.page.getByRole('status').filter({ hasText: /^\d+ bookmarks?\b/ });
    await expect(count.or(this.page.getByText('No bookmarks yet.'))).toBeVisible();
  }

  item(text: string | RegExp): Locator {
    return this.page.locator('.bookmark-item').filter({ hasText: text });
  }

  async filterByColour(colour: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Filter and sort' }).getByLabel('Colour').selectOption(colour);
  }

  async deleteAll(): Promise<void> {
    await this.loaded();
    const items = this.page.locator('.bookmark-item');
    while ((await items.count()) > 0) {
      const before = await items.count();
      await items.first().getByRole('button', { name: 'Delete' }).click();
      await expect(items).toHaveCount(before - 1);
    }
  }
}

export class NotesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    // Clicked again if a click landed while the previous view was still settling (seen once on a loaded CI machine).
    await expect(async () => {
      await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Notes' }).click();
      await expect(this.page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await this.loaded();
  }

  /** Waits until the view has its notes: their list, or "No notes yet." */
  async loaded(): Promise<void> {
    const list = this.page.getByRole('list', { name: 'Notes', exact: true });
    await expect(list.or(this.page.getByText('No notes yet.'))).toBeVisible();
  }

  editor(articleTitle: string): Locator {
    return this.page.getByRole('textbox', { name: `Note on ${articleTitle}` }).first();
  }

  async deleteAll(): Promise<void> {
    await this.loaded();
    const items = this.page.locator('.note-item');
    while ((await items.count()) > 0) {
      const before = await items.count();
      await items.first().getByRole('button', { name: /^Delete note on / }).click();
      await expect(items).toHaveCount(before - 1);
    }
  }
}

/** "Export all" and "Import annotations…" of the Bookmarks and Notes views. */
export class AnnotationTransfer {
  /** the region that says what an import did */
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.status = page.locator('.annotation-transfer-status');
  }

  /** Clicks an "Export all" button and saves the download into `dir`; returns its path. */
  async exportAll(format: 'Markdown (.zip)' | 'Web Annotation JSON', dir: string): Promise<string> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('group', { name: 'Export all bookmarks and notes' }).getByRole('button', { name: format }).click();
    const download = await downloading;
    const file = `${dir}/${download.suggestedFilename()}`;
    await download.saveAs(file);
    return file;
  }

  /** Picks `file` in the dialog "Import annotations…" opens. */
  async importFile(file: string): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import annotations…' }).click();
    await (await choosing).setFiles(file);
  }
}

/** Find in the article (Ctrl+F in the reader): the bar, its field and its count. */
export class FindBar {
  readonly bar: Locator;
  readonly field: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.bar = page.getByRole('search', { name: 'Find in article' });
    this.field = this.bar.getByRole('textbox', { name: 'Find in article' });
    this.count = this.bar.locator('[aria-live="polite"]');
  }

  /** Ctrl+F from the reader, then types `query` as a user would. */
  async find(query: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    await expect(this.field).toBeFocused();
    await this.field.pressSequentially(query);
  }

  /** How many find matches the page paints (CSS Custom Highlight API), and the current one's text. */
  async painted(): Promise<{ all: number; current: string[] }> {
    return this.page.evaluate(() => ({
      all: CSS.highlights.get('quire-find')?.size ?? 0,
      current: [...(CSS.highlights.get('quire-find-current') ?? [])].map((range) => range.toString()),
    }));
  }
}
