/**
 * The pages of a fixed-layout book, each as its author laid it out: its size (viewport meta, SVG
 * viewBox, the package's `rendition:viewport`, else a default), its body's markup and its CSS, both
 * sanitized, so the reader can draw the page in a box of its own and scale it to the window.
 *
 * The markup goes through DOMPurify with the reader HTML's lists (no scripts, forms, frames, media,
 * handlers, popovers), except that `class` stays: the page's CSS needs it, and the reader puts each
 * page in a shadow root of its own, where no class of the app can match. `style` attributes become
 * rules of the page's sanitized CSS (the app's Content-Security-Policy applies no inline style).
 * Pictures are the book's own, stored as assets; links lose their address (the text view has them).
 */
import { createHash } from 'node:crypto';
import createDOMPurify, { type Config } from 'dompurify';
import type { FixedLayoutPages, FixedPage } from '../../../shared/fixed-layout';
import { sanitizeCss, sanitizeDeclarations } from '../css-sanitizer';
import { domWindow } from '../dom-window';
import type { ImportedAsset } from '../imported-document';
import { limitFragmentNesting } from '../limit-nesting';
import { FORBIDDEN_ATTRIBUTES, FORBIDDEN_CONTENTS, FORBIDDEN_TAGS } from '../sanitize-rules';
import type { ChapterSheet } from './book-styles';
import { resolveHref } from './package-document';
import { type BookRendition, DEFAULT_PAGE_SIZE, pageSizeOf } from './rendition';
import { svgPicturesToImg } from './svg-pictures';
import { firstNamed } from './xml';

/** Stores a file of the book (by archive path) as an image asset: its `assets/<name>`, or null. */
export type StoreImage = (archivePath: string) => Promise<string | null>;

const PAGE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  ADD_FORBID_CONTENTS: FORBIDDEN_CONTENTS,
  FORBID_ATTR: [...FORBIDDEN_ATTRIBUTES.filter((name) => name !== 'class'), 'href', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
};

let purifier: ReturnType<typeof createDOMPurify> | undefined;
const purify = (): ReturnType<typeof createDOMPurify> =>
  (purifier ??= createDOMPurify(domWindow() as unknown as Parameters<typeof createDOMPurify>[0]));

/** The class an SVG page's picture gets, drawn over the whole page. */
const SVG_PAGE_PICTURE = 'quire-page-picture';
const SVG_PAGE_CSS = `.${SVG_PAGE_PICTURE}{position:absolute;inset:0;width:100%;height:100%;object-fit:contain}`;

const classList = (element: Element | null): string => (element?.getAttribute('class') ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000);

export class FixedLayoutBuilder {
  private readonly pages: FixedPage[] = [];
  private readonly styles: string[] = [];
  /** a sheet's index in `styles`, by its file (or its text, for a `<style>` element) */
  private readonly styleIndex = new Map<string, number>();

  constructor(
    private readonly rendition: BookRendition,
    private readonly storeImage: StoreImage,
  ) {}

  /** Whether the spine item (by manifest id) is a page the author laid out. */
  isPage(itemId: string): boolean {
    return this.rendition.items.get(itemId)?.prePaginated ?? false;
  }

  async addPage(chapter: Document, chapterPath: string, itemId: string, section: string, sheets: readonly ChapterSheet[]): Promise<void> {
    const body = firstNamed(chapter, 'body');
    if (!body) return;
    const size = pageSizeOf(chapter) ?? this.rendition.viewport ?? DEFAULT_PAGE_SIZE;
    const styles: number[] = [];
    for (const sheet of sheets) styles.push(await this.styleOf(sheet));
    const cssParts: string[] = [];
    const container = domWindow().document.createElement('div');
    for (const node of Array.from(body.childNodes)) container.append(domWindow().document.importNode(node, true));
    if (svgPicturesToImg(container, SVG_PAGE_PICTURE)) cssParts.push(SVG_PAGE_CSS);
    cssParts.push(await this.inlineStylesToRules(container, chapterPath));
    await this.storeImages(container, chapterPath);
    const clean = purify().sanitize(limitFragmentNesting(container.innerHTML), PAGE_CONFIG);
    this.pages.push({
      width: size.width,
      height: size.height,
      side: this.rendition.items.get(itemId)?.side ?? null,
      html: clean,
      styles,
      css: cssParts.filter(Boolean).join('\n'),
      section,
      rootClass: classList(chapter.documentElement),
      bodyClass: classList(body),
    });
  }

  /** The pages file, or null when no page was read. */
  asset(): ImportedAsset | null {
    if (this.pages.length === 0) return null;
    const pages: FixedLayoutPages = { version: 1, spread: this.rendition.spread, progression: this.rendition.progression, styles: this.styles, pages: this.pages };
    const bytes = new TextEncoder().encode(JSON.stringify(pages));
    const name = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    return { path: `assets/${name}.json`, bytes };
  }

  /** Each sheet is sanitized and stored once: a book's pages share them (200 pages once made 8.5 MB of copies). */
  private async styleOf(sheet: ChapterSheet): Promise<number> {
    // Its urls are resolved against its own file, so the file (or, inline, its page and text) is the sheet.
    const key = sheet.inline ? `${sheet.basePath}\n${sheet.css}` : sheet.basePath;
    let index = this.styleIndex.get(key);
    if (index === undefined) {
      index = this.styles.push(await sanitizeCss(sheet.css, { resolveUrl: this.resolverFor(sheet.basePath) })) - 1;
      this.styleIndex.set(key, index);
    }
    return index;
  }

  private resolverFor(basePath: string) {
    return async (url: string): Promise<string | null> => {
      const path = resolveHref(basePath, url).path;
      return path ? this.storeImage(path) : null;
    };
  }

  /** Each `style` attribute becomes a rule for a class of its own (`quire-style-<n>`). */
  private async inlineStylesToRules(container: Element, chapterPath: string): Promise<string> {
    const rules: string[] = [];
    for (const element of Array.from(container.querySelectorAll('[style]'))) {
      const declarations = await sanitizeDeclarations(element.getAttribute('style') ?? '', { resolveUrl: this.resolverFor(chapterPath) });
      element.removeAttribute('style');
      if (declarations === '') continue;
      const name = `quire-style-${rules.length}`;
      element.classList.add(name);
      rules.push(`.${name}{${declarations}}`);
    }
    return rules.join('\n');
  }

  private async storeImages(container: Element, chapterPath: string): Promise<void> {
    for (const img of Array.from(container.querySelectorAll('img'))) {
      const target = resolveHref(chapterPath, img.getAttribute('src') ?? '').path;
      const stored = target ? await this.storeImage(target) : null;
      if (stored) img.setAttribute('src', stored);
      else img.remove();
    }
  }
}

