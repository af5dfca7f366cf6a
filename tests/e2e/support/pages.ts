import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects: one per screen, named the way a user would describe what they do. */
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
}

export class SearchBox {
  readonly input: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.input = page.getByRole('searchbox', { name: 'Search library' });
    this.results = page.getByRole('listbox', { name: 'Search results' }).or(page.getByRole('list', { name: 'Search results' }));
  }

  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
    await this.input.fill(query);
  }

  result(text: string | RegExp): Locator {
    return this.results.getByText(text).first();
  }
}

export class ReaderPage {
  readonly article: Locator;
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.article = page.locator('[data-testid="article-body"]');
    this.panel = page.getByRole('complementary', { name: /Bookmarks and notes/ });
  }

  /** Selects the first occurrence of `text` inside the article, as a user dragging the mouse would. */
  async selectText(text: string): Promise<void> {
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
