/** The data the contract carries. Plain JSON: every host serialises these as they are. */

export type ArticleFormat = 'txt' | 'md' | 'html' | 'epub' | 'pdf';
export type TextDirection = 'ltr' | 'rtl';
export type ReadState = 'unread' | 'reading' | 'finished';

/** `article.json`: everything Quire knows about one article except its text. */
export interface ArticleMeta {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  dir: TextDirection | null;
  format: ArticleFormat;
  /** ISO 8601 */
  addedAt: string;
  /** ISO 8601; bumped when metadata, text or reading state change */
  updatedAt: string;
  publishedAt: string | null;
  excerpt: string | null;
  tags: string[];
  /** sha256 of the canonical text: two imports with the same hash are the same article */
  contentHash: string;
  readState: ReadState;
  /** 0..1, how far the reader has scrolled */
  progress: number;
  /** offset into text.txt of the first visible character when the reader was last closed */
  position: number;
  wordCount: number;
  /** the file name or URL the article came from */
  source: string | null;
}

export interface ArticleContent {
  id: string;
  /** sanitised reader HTML; its textContent equals `text` exactly */
  html: string;
  /** text.txt: what is indexed and what passage offsets point into */
  text: string;
}

export interface ReadingProgress {
  progress: number;
  position: number;
}

export type ImportOutcome =
  | { status: 'imported'; source: string; article: ArticleMeta }
  | { status: 'duplicate'; source: string; article: ArticleMeta }
  | { status: 'failed'; source: string; reason: string };

/** A document handed over as bytes (drag and drop, file picker, browser mode). */
export interface ImportDocumentInput {
  fileName: string;
  /** the file's bytes, base64-encoded */
  dataBase64: string;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation selectors over text.txt. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface PassageTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnnotationKind = 'bookmark' | 'note';

/** `annotations/<id>.json`: a bookmark of a passage or a note (on a passage or on the article). */
export interface Annotation {
  id: string;
  articleId: string;
  kind: AnnotationKind;
  /** null: the whole article */
  target: PassageTarget | null;
  color: HighlightColor | null;
  /** Markdown; empty when the bookmark has no note */
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** Where a new passage is: offsets into text.txt (from a selection), or a quote to find. */
export type PassageInput = { start: number; end: number } | { quote: string };

export interface CreateAnnotationInput {
  articleId: string;
  kind: AnnotationKind;
  /** omitted: the annotation belongs to the whole article */
  passage?: PassageInput;
  color?: HighlightColor;
  note?: string;
}

export interface UpdateAnnotationInput {
  color?: HighlightColor | null;
  note?: string;
}

export type SearchHitKind = 'article' | 'bookmark' | 'note';

export interface SearchHit {
  articleId: string;
  /** set when the hit is a bookmark or note */
  annotationId: string | null;
  title: string;
  kind: SearchHitKind;
  score: number;
  /** HTML: matched words wrapped in <mark>, everything else escaped */
  snippet: string;
  /** the passage to open the reader at (offsets into text.txt), when known */
  passage: { start: number; end: number } | null;
  /** the words as they appear in the text, for highlighting every match in the reader */
  terms: string[];
}

export interface SearchOptions {
  limit?: number;
}

export type Theme = 'system' | 'light' | 'dark' | 'sepia';
export type FontFamily = 'serif' | 'sans';

export interface Settings {
  theme: Theme;
  fontFamily: FontFamily;
  /** px */
  fontSize: number;
  lastArticleId: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  lastArticleId: null,
};
