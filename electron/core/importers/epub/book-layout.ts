/**
 * How the book is laid out, learnt while its chapters are read: its writing mode (from the first
 * chapters' CSS, its page progression and language) and, for a fixed-layout book, its pages. The
 * importer hands each chapter over as it reads it and adds the result to the imported document.
 */
import type { WritingMode } from '../../../shared/fixed-layout';
import type { ImportedAsset } from '../imported-document';
import { BookStyles } from './book-styles';
import { FixedLayoutBuilder, type StoreImage } from './fixed-layout';
import type { ManifestItem } from './package-document';
import { readRendition } from './rendition';
import { bookWritingMode, type ChapterWritingMode, chapterWritingMode } from './writing-mode';
import type { ZipArchive } from './zip-archive';

/** Chapters whose CSS is read for the writing mode: a vertical book says so from its first pages. */
const CHAPTERS_FOR_WRITING_MODE = 8;

export interface BookLayoutResult {
  /** fields of the imported document (and of the article's metadata) */
  fields: { writingMode?: WritingMode; fixedLayout?: string };
  /** the pages file, to store with the images */
  assets: ImportedAsset[];
  /** text that names the assets the pages use (so those images are kept) */
  references: string;
}

export class BookLayoutReader {
  private readonly styles: BookStyles;
  private readonly pages: FixedLayoutBuilder | null;
  private readonly chapterModes: ChapterWritingMode[] = [];

  constructor(zip: ZipArchive, opfXml: string, storeImage: StoreImage) {
    this.styles = new BookStyles(zip);
    const rendition = readRendition(opfXml);
    this.pages = rendition?.hasPages ? new FixedLayoutBuilder(rendition, storeImage) : null;
  }

  async readChapter(chapter: Document, item: ManifestItem & { path: string }, section: string): Promise<void> {
    const isPage = this.pages?.isPage(item.id) ?? false;
    if (!isPage && this.chapterModes.length >= CHAPTERS_FOR_WRITING_MODE) return;
    const sheets = await this.styles.sheetsOf(chapter, item.path);
    if (this.chapterModes.length < CHAPTERS_FOR_WRITING_MODE) this.chapterModes.push(chapterWritingMode(chapter, sheets.map((sheet) => sheet.css)));
    if (isPage) await this.pages?.addPage(chapter, item.path, item.id, section, sheets);
  }

  finish(progression: 'ltr' | 'rtl' | null, lang: string | null): BookLayoutResult {
    const writingMode = bookWritingMode(this.chapterModes, progression, lang);
    const pages = this.pages?.asset() ?? null;
    return {
      fields: { ...(writingMode ? { writingMode } : {}), ...(pages ? { fixedLayout: pages.path } : {}) },
      assets: pages ? [pages] : [],
      // As the importer's own HTML names them (`"assets/<name>"`), so the pictures only a page uses stay.
      references: pages ? [...new Set(new TextDecoder().decode(pages.bytes).match(/assets\/[A-Za-z0-9_-]+\.[a-z0-9]+/g))].map((path) => `"${path}"`).join(' ') : '',
    };
  }
}
