/**
 * The style sheets a chapter uses: the files its `<link rel="stylesheet">` name (inside the book)
 * and its `<style>` elements, in the order a browser applies them. Each file is unpacked once per
 * book, and only up to `MAX_BOOK_CSS_CHARS` in all: style sheets are read only to learn how the book
 * is laid out (its writing mode, its fixed-layout pages), never kept as they are.
 */
import { decodeText } from '../decode-text';
import { resolveHref } from './package-document';
import { elementsNamed } from './xml';
import type { ZipArchive } from './zip-archive';

/** A style sheet and the archive path its relative addresses are resolved against. */
export interface ChapterSheet {
  css: string;
  basePath: string;
  /** a `<style>` element of the chapter, not a file */
  inline: boolean;
}

const MAX_BOOK_CSS_CHARS = 4 * 1024 * 1024;

export class BookStyles {
  private readonly files = new Map<string, string | null>();
  private charsRead = 0;

  constructor(private readonly zip: ZipArchive) {}

  async sheetsOf(chapter: Document, chapterPath: string): Promise<ChapterSheet[]> {
    const sheets: ChapterSheet[] = [];
    for (const element of [...elementsNamed(chapter, 'link'), ...elementsNamed(chapter, 'style')].sort(documentOrder)) {
      if (element.localName === 'style') {
        sheets.push({ css: element.textContent ?? '', basePath: chapterPath, inline: true });
        continue;
      }
      const rel = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('stylesheet') || rel.includes('alternate')) continue;
      const path = resolveHref(chapterPath, element.getAttribute('href') ?? '').path;
      const css = path && path !== chapterPath ? await this.file(path) : null;
      if (css !== null && path) sheets.push({ css, basePath: path, inline: false });
    }
    return sheets;
  }

  private async file(path: string): Promise<string | null> {
    if (!this.files.has(path)) {
      const bytes = this.charsRead < MAX_BOOK_CSS_CHARS ? await this.zip.read(path) : null;
      let css: string | null;
      try {
        css = bytes ? decodeText(bytes, 'utf-8') : null;
      } catch {
        css = null; // bytes no encoding reads: a sheet that says nothing
      }
      this.charsRead += css?.length ?? 0;
      this.files.set(path, css);
    }
    return this.files.get(path) ?? null;
  }
}

function documentOrder(a: Element, b: Element): number {
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
