import type { WritingMode } from '../../shared/fixed-layout';
import type { TextDirection } from '../../shared/models';
import type { CoreSentence } from '../../shared/i18n/core-sentences';
import type { StoredChapter } from '../library/chapter-index';

/** What every importer produces: reader HTML, its exact text, and what the document says about itself. */
export interface ImportedDocument {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: TextDirection | null;
  /** ISO 8601 */
  publishedAt: string | null;
  excerpt: string | null;
  url: string | null;
  /** sanitized reader HTML */
  html: string;
  /** exactly the textContent of `html` */
  text: string;
  /** files `html` refers to (images), written into the article folder beside it */
  assets: ImportedAsset[];
  /** what the document says it is about (Markdown front matter); becomes the article's tags */
  tags: string[];
  /**
   * A book's chapters (an EPUB's spine), when `html` is their `<section>`s in order: where each
   * is in `html` (UTF-8 bytes) and in `text`. Written as the article's chapter index.
   */
  chapters?: StoredChapter[];
  /** a sentence for the import summary: what the reader should know about what came in */
  note?: string;
  /** the same note as a sentence, to say it in the interface language */
  noteSentence?: CoreSentence;
  /** a book set vertically (its CSS or its page progression and language say so) */
  writingMode?: WritingMode;
  /** a fixed-layout book: `assets/<name>.json`, its pages as laid out (shared/fixed-layout.ts) */
  fixedLayout?: string;
}

/** One file of an article's `assets/` folder; the name is generated, never taken from the source. */
export interface ImportedAsset {
  /** `assets/<name>`, relative to the article folder, exactly as `html` refers to it */
  path: string;
  bytes: Uint8Array;
}

/** One line of metadata: whitespace collapsed, empty → null. */
export function cleanLine(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

const EXCERPT_LENGTH = 240;

/** A first line shorter than this (a subheading, a dateline) is followed by the next one. */
const MIN_EXCERPT_LENGTH = 80;

/**
 * The first paragraph (or lines, until there is enough to go on), cut at a word boundary: what the
 * library list shows under a title.
 */
export function excerptOf(text: string): string | null {
  const lines: string[] = [];
  let length = 0;
  for (const line of text.slice(0, EXCERPT_LENGTH * 4).split('\n')) {
    if (length >= MIN_EXCERPT_LENGTH) break;
    lines.push(line);
    length += line.length;
  }
  const flat = cleanLine(lines.join(' '));
  if (flat === null || flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date the document states, as ISO 8601 (kept as written when it already is, so its time zone
 * survives), or null when it is not a date.
 */
export function isoDate(value: string | null | undefined): string | null {
  const cleaned = cleanLine(value);
  if (cleaned === null) return null;
  const time = Date.parse(cleaned);
  if (Number.isNaN(time)) return null;
  return ISO_8601.test(cleaned) ? cleaned : new Date(time).toISOString();
}

/** The file name without folders and extension: the title of last resort. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return cleanLine(stem.replace(/[_]+/g, ' ')) ?? 'Untitled';
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const ANY_LETTER = /\p{L}/gu;

/**
 * For formats that cannot say (plain text, Markdown): right-to-left when most letters at the start
 * are Hebrew or Arabic script, otherwise unknown (the reader then follows the text itself).
 */
export function guessDirection(text: string): 'rtl' | null {
  const sample = text.slice(0, 2000);
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  const rtl = sample.match(RTL_LETTER)?.length ?? 0;
  return letters > 0 && rtl / letters > 0.5 ? 'rtl' : null;
}

/** What a file without web metadata (text, Markdown, PDF) knows about itself. */
export interface FileMetadata {
  title: string;
  byline?: string | null;
  lang?: string | null;
  publishedAt?: string | null;
  tags?: string[];
}

/**
 * A document read from a local file: its normalized reader HTML and text, and the metadata the file
 * carries; direction and excerpt come from the text, and a local file has no site or URL.
 */
export function localDocument({ html, text }: { html: string; text: string }, meta: FileMetadata): ImportedDocument {
  return {
    title: meta.title,
    byline: meta.byline ?? null,
    siteName: null,
    lang: meta.lang ?? null,
    dir: guessDirection(text),
    publishedAt: meta.publishedAt ?? null,
    excerpt: excerptOf(text),
    url: null,
    html,
    text,
    assets: [],
    tags: meta.tags ?? [],
  };
}
