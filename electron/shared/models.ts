/** The data the contract carries. Plain JSON: every host serialises these as they are. */
import type { LanguageChoice } from './i18n/locales';
import type { CoreSentence, ImportNote } from './i18n/core-sentences';
import type { WritingMode } from './fixed-layout';

// Closed sets are written once, as values, so the argument schemas (validators.ts), the CLI's
// option checks and the renderer's choices all read the same list the types derive from.
export const ARTICLE_FORMATS = ['txt', 'md', 'html', 'epub', 'pdf'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
export type TextDirection = 'ltr' | 'rtl';
export const READ_STATES = ['unread', 'reading', 'finished'] as const;
export type ReadState = (typeof READ_STATES)[number];
/** What a reader marks an article as by hand ("reading" comes only from scrolling). */
export const MARKED_READ_STATES = ['unread', 'finished'] as const;
export type MarkedReadState = (typeof MARKED_READ_STATES)[number];

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
  /** ISO 8601: when the reading position was last saved (absent: never read). Breaks ties in search. */
  lastReadAt?: string;
  wordCount: number;
  /** the file name or URL the article came from */
  source: string | null;
  /**
   * When each field two machines may change apart was last changed (ISO 8601), so a synchronizer's
   * conflict copy merges field by field. Absent in files older versions wrote (their `updatedAt`
   * stands in).
   */
  fieldUpdatedAt?: Partial<Record<TimedField, string>>;
  /** tags removed on purpose, with when: a merge keeps such a tag only if the other copy set its tags later */
  tagsRemovedAt?: Record<string, string>;
  /**
   * `assets/<name>`: the picture the library's grid shows as its cover, chosen at import (the first
   * sizeable picture of the text: an EPUB's cover page, a web page's lead image). Absent: none.
   */
  cover?: string;
  /** a book set vertically (Japanese, Chinese): the reader lays it out so. Absent: horizontal. */
  writingMode?: WritingMode;
  /** a fixed-layout book: `assets/<name>.json`, its pages as the author laid them out. Absent: none. */
  fixedLayout?: string;
}

/** The fields of article.json that carry their own change time (`progress` also stands for `position`). */
export const TIMED_FIELDS = ['title', 'tags', 'readState', 'progress'] as const;
export type TimedField = (typeof TIMED_FIELDS)[number];

/** A stretch of an article's text.txt, as offsets (end excluded): passages, matches, snippets. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ArticleContent {
  id: string;
  /**
   * sanitised reader HTML; its textContent equals `text` exactly. Empty for a long book read in
   * chapters (`chapters`): each chapter's HTML then comes on its own (`getChapter`).
   */
  html: string;
  /** text.txt: what is indexed and what passage offsets point into */
  text: string;
  /**
   * A long book stored in chapters (the EPUB's spine): every chapter with where it is in `text`,
   * in order; the chapters' HTML joined with the text between them (`text` from one chapter's end
   * to the next one's start) is the whole book's HTML. The chapter holding the reading position,
   * and the one after it, come with their `html`.
   */
  chapters?: ContentChapter[];
  /**
   * Asked for with `textApart` (ContentOptions) and a long book: `text` is empty, and this many
   * characters are the article's file text.txt, which the reader reads itself.
   */
  textApart?: { length: number };
}

/** How `getContent` answers. */
export interface ContentOptions {
  /**
   * A long book's text left out of the answer (ArticleContent.textApart): a reader that can read
   * the article's files reads text.txt as one, as it does its pictures, instead of millions of
   * characters encoded into the answer and decoded from it.
   */
  textApart?: boolean;
}

/** One chapter of a book stored in chapters: where it is in text.txt, and what it is called. */
export interface BookChapter {
  /** the id of its `<section>` in the book's HTML (`c<N>`); ids inside it start with `c<N>-` */
  anchor: string;
  /** its entry in the book's contents, else its first heading, else its first words */
  label: string;
  /** [start, end) in text.txt */
  start: number;
  end: number;
  /** its words as the library counts them (the time left in the book) */
  words: number;
}

export interface ContentChapter extends BookChapter {
  /** its sanitised HTML (one `<section>`), when it came with the content */
  html?: string;
}

export interface ReadingProgress {
  progress: number;
  position: number;
}

export type ImportOutcome =
  /** `note`: what the reader should know about what came in (a book with almost no text, and why) */
  | ({ status: 'imported'; source: string; article: ArticleMeta } & ImportNote)
  | { status: 'duplicate'; source: string; article: ArticleMeta }
  /** `reason` in English; `sentence`, the same as a catalog sentence, to say it in the interface language */
  | { status: 'failed'; source: string; reason: string; sentence?: CoreSentence }
  /** a file inside a chosen folder that is not a document Quire reads (an image, a stylesheet) */
  | { status: 'skipped'; source: string; reason: string };

/** What a person may change of an article's metadata by hand; every part is optional. */
export interface ArticleEdit {
  title?: string;
  /** the author; empty or null: none */
  byline?: string | null;
  /** the whole list of tags, replacing the article's */
  tags?: string[];
}

/** How the library list is ordered. */
export const ARTICLE_SORTS = ['added', 'published', 'title', 'author', 'site', 'progress'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** A filtered, ordered view of the library (`quire list --tag T`); every part is optional. */
export interface ArticleQuery {
  tag?: string;
  readState?: ReadState;
  format?: ArticleFormat;
  lang?: string;
  /** default: added, newest first */
  sort?: ArticleSort;
  /** at most this many, the first in the query's order (a page's first screen) */
  limit?: number;
}

/** A background import started by `startImport`; its progress arrives as events. */
export interface ImportJob {
  jobId: string;
}

export interface ImportCounts {
  imported: number;
  duplicates: number;
  failed: number;
  /** files in the chosen folders that are not documents (not part of `done` and `total`) */
  skipped: number;
}

/** What a long document is read in: a book's chapters (its spine documents), a PDF's pages. */
export const READING_UNITS = ['chapter', 'page'] as const;
export type ReadingUnit = (typeof READING_UNITS)[number];

/** How far one long file has been read: `part` (from 1, the one being read now) of `parts`. */
export interface FileReading {
  unit: ReadingUnit;
  part: number;
  parts: number;
}

/** `import-progress`: sent while a job runs (a few times a second at most). */
export interface ImportProgressEvent {
  jobId: string;
  /** files finished (imported, duplicate or failed) */
  done: number;
  /** files found so far; final once the folders are walked */
  total: number;
  /** the file being read, when there is one */
  current: string | null;
  /** how far `current` has been read, when it is a long document that says so (a book, a PDF) */
  reading: FileReading | null;
  elapsedMs: number;
  /** null until there is enough to estimate from */
  remainingMs: number | null;
  counts: ImportCounts;
}

/** `import-finished`: the summary of a job, sent once, cancelled or not. */
export interface ImportFinishedEvent {
  jobId: string;
  cancelled: boolean;
  /** files the job found (those not reached after a cancel are not counted in `counts`) */
  total: number;
  elapsedMs: number;
  counts: ImportCounts;
  /** the first imported articles (at most 100: enough to show, bounded for huge folders) */
  imported: ({ source: string; articleId: string; title: string } & ImportNote)[];
  /** every file whose text is already in the library */
  duplicates: { source: string; articleId: string; title: string }[];
  /** every file that could not be imported, with the reason */
  failed: { source: string; reason: string; sentence?: CoreSentence }[];
  /** the files that are not documents, by extension (".png"), most frequent first */
  skipped: { extension: string; count: number }[];
}

/** A document handed over as bytes (drag and drop, file picker, browser mode). */
export interface ImportDocumentInput {
  fileName: string;
  /** the file's bytes, base64-encoded */
  dataBase64: string;
  /**
   * an id the page chose for this file: while it is read, the core sends `import-progress` events
   * under it (as `jobId`) saying how far (a long book's chapters), as it does for a job
   */
  progressId?: string;
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

export const ANNOTATION_KINDS = ['bookmark', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/**
 * How a passage sits in the current text: at its quote ('exact'), at a close but not identical
 * text after the article changed ('fuzzy'), or nowhere ('unplaced': kept with its quote and note,
 * never dropped, until the user re-attaches it to new text).
 */
export const ANCHOR_STATES = ['exact', 'fuzzy', 'unplaced'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

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
  /** 'exact' for whole-article notes */
  anchorState: AnchorState;
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
  /** re-attaches the passage to new text (an unplaced or misplaced bookmark) */
  passage?: PassageInput;
}

export const ANNOTATION_EXPORT_FORMATS = ['markdown', 'w3c'] as const;
export type AnnotationExportFormat = (typeof ANNOTATION_EXPORT_FORMATS)[number];

/** An export the UI offers as a download. */
export interface ExportedFile {
  fileName: string;
  mediaType: 'text/markdown' | 'application/ld+json';
  text: string;
}

/** A binary export (a .zip of Markdown files), in base64 so that it travels as JSON over IPC and HTTP. */
export interface ExportedArchive {
  fileName: string;
  mediaType: 'application/zip';
  dataBase64: string;
}

/** The whole library's bookmarks and notes: a zip of Markdown files, or one W3C JSON file. */
export type LibraryAnnotationsExport = ExportedFile | ExportedArchive;

/** What `importAnnotations` did with each annotation of a W3C Web Annotation file. */
export interface AnnotationImportSummary {
  /** new in the library */
  added: number;
  /** replaced an older copy of the same annotation */
  updated: number;
  /** already in the library as they are (or newer) */
  unchanged: number;
  /** one sentence per annotation that could not be imported (English: what the CLI prints) */
  skipped: string[];
  /** the same as catalog sentences, in the same order, for the interface language */
  skippedSentences: CoreSentence[];
}

/** Counts of passages after an article's text was replaced. */
export interface AnchorCounts {
  exact: number;
  fuzzy: number;
  unplaced: number;
}

export interface ReplaceTextOutcome {
  article: ArticleMeta;
  anchors: AnchorCounts;
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
  passage: TextSpan | null;
  /** the words as they appear in the text, for highlighting every match in the reader */
  terms: string[];
  /**
   * The article's format and date (ISO: published, else added; the one the date filters and the
   * date order use), so the results can say what each article is without the whole library list.
   * Null when the index was not given them.
   */
  format: ArticleFormat | null;
  date: string | null;
  /**
   * For an article's text: its next best places after the one above, best first (at most two),
   * and how many places of the text match in all (0 when only its title or details did).
   */
  morePassages?: SearchPassage[];
  passageCount?: number;
  /** with `explain`: why it matched and how the score adds up */
  explanation?: SearchExplanation;
}

/**
 * How much a query found in all, past the page of hits returned: what the count line says. A
 * figure whose `…Exact` flag is false is a lower bound ("at least"): counting it exactly would
 * mean reading the text of every article that matched.
 */
export interface SearchTotals {
  /** articles with any hit: in their text, title or details, or a bookmark or note of theirs */
  articles: number;
  /**
   * every place that matched: each place of an article's text (one for an article matched only by
   * its title or details) and each bookmark and note
   */
  passages: number;
  /** of those passages, how many are bookmarks and notes */
  bookmarks: number;
  notes: number;
  /**
   * false while a quoted phrase has not been confirmed in every candidate's text: then the
   * articles, bookmarks and notes counted are those confirmed so far
   */
  articlesExact: boolean;
  /** false when some article's text was not read: it counts one place, the least it can have */
  passagesExact: boolean;
}

/** A page of hits, best first, and what the whole query found. */
export interface SearchResults {
  hits: SearchHit[];
  totals: SearchTotals;
}

/** Another place in an article's text where a query matched. */
export interface SearchPassage {
  /** HTML, as SearchHit.snippet */
  snippet: string;
  passage: { start: number; end: number } | null;
}

/** One index term's share of a hit's score: BM25 with library-wide statistics, times weights. */
export interface SearchScorePart {
  /** the index term (a stem) and the field it was found in */
  term: string;
  field: string;
  /** occurrences in the field, and the term's inverse document frequency in the library */
  tf: number;
  idf: number;
  /** field boost × query boost (× 0.5 for a typo-tolerant near match) */
  weight: number;
  score: number;
}

export interface SearchExplanation {
  parts: SearchScorePart[];
  /**
   * What ranking multiplied the parts' sum by (1: nothing): the title typed, a bookmark or note,
   * the words as typed rather than another form, a long query's word order, a near miss moved down
   */
  rerank: number;
  /** quoted phrases confirmed in the text */
  phrases: string[];
}

/** One value a filter can take, and how many (non-trashed) articles have it. */
export interface FacetCount<T extends string = string> {
  value: T;
  count: number;
}

/**
 * What the library holds, for filter choices without the whole article list: tags (spelled as
 * first given, compared without regard to case), formats and primary language subtags (`en`).
 */
export interface LibraryFacets {
  tags: FacetCount[];
  formats: FacetCount<ArticleFormat>[];
  languages: FacetCount[];
}

export const SEARCH_SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchOptions {
  limit?: number;
  /** how many of the best hits to skip: the next page after `offset` hits already shown */
  offset?: number;
  /** only hits in articles carrying every one of these tags */
  tags?: string[];
  /** only hits in articles of these formats */
  formats?: ArticleFormat[];
  /** only hits in articles in these languages (primary language subtags: `en`, `fr`) */
  languages?: string[];
  /** only articles dated on or after / on or before this day (YYYY-MM-DD; published, else added) */
  from?: string;
  to?: string;
  /** `relevance` (the default) or `date`, newest first */
  sort?: SearchSort;
  /** attach an explanation of each hit's score */
  explain?: boolean;
}

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];
/** 'dyslexic': OpenDyslexic, shipped with the app (OFL). */
export const FONT_FAMILIES = ['serif', 'sans', 'dyslexic'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/** How the reader lays out a text: one long scroll, or pages of one or two columns. */
export const READING_MODES = ['scrolled', 'one-column', 'two-columns'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** The library shown as a list of rows or as a grid of covers. */
export const LIBRARY_LAYOUTS = ['list', 'grid'] as const;
export type LibraryLayout = (typeof LIBRARY_LAYOUTS)[number];

export interface Settings {
  /** the interface language: a shipped locale, or `system` to follow the operating system */
  language: LanguageChoice;
  theme: Theme;
  fontFamily: FontFamily;
  /** px */
  fontSize: number;
  /** unitless, times the font size */
  lineHeight: number;
  /** the reading column's largest width, in characters (ch) */
  columnWidth: number;
  /** space on each side of the reading column, px (a narrow window takes less) */
  sideMargin: number;
  /** space after each paragraph, em */
  paragraphSpacing: number;
  /** lines set flush on both sides */
  justify: boolean;
  /** words broken at line ends by the article's language (CSS `hyphens: auto`) */
  hyphenate: boolean;
  /** the reader hides its header, toolbar and panel until they are asked for */
  focusMode: boolean;
  /** scrolled (the default) or paginated in one or two columns */
  readingMode: ReadingMode;
  /** read aloud: the voice's speed (1 is the voice's own) */
  listenRate: number;
  /** read aloud: the voice chosen for each language (primary subtag → the voice's name) */
  listenVoices: Record<string, string>;
  /** the library as a list or as covers, as the reader left it */
  libraryLayout: LibraryLayout;
  lastArticleId: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  columnWidth: 68,
  sideMargin: 24,
  paragraphSpacing: 1.1,
  justify: false,
  hyphenate: true,
  focusMode: false,
  readingMode: 'scrolled',
  listenRate: 1,
  listenVoices: {},
  libraryLayout: 'list',
  lastArticleId: null,
};
