/**
 * An article's content on disk: content.html and text.txt, and for a book its chapter index
 * (chapter-index.ts). A long book is handed to the reader as its text and its chapters, each
 * chapter's HTML read from its byte range of content.html when the reader reaches it; any other
 * article (and a book whose index does not match its files) as the whole HTML, as always.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { chapterHolding } from '../../shared/book-chapters';
import type { ArticleContent, ContentChapter } from '../../shared/models';
import { writeFileAtomic, isNotFound } from '../fs/atomic-write';
import type { articleFiles } from './library-paths';
import { chapterIndexJson, looksLikeChapterHtml, parseChapterIndex, type ChapterIndex, type StoredChapter } from './chapter-index';

type ArticleFiles = ReturnType<typeof articleFiles>;

/**
 * Below this many characters of text a book is read whole: its HTML is small enough to lay out at
 * once (about 50,000 words), and one request is simpler than several.
 */
export const CHAPTERS_FROM_CHARS = 300_000;

/**
 * An article's reader HTML and text as the store writes them: strings, or their UTF-8 bytes with
 * the text's length in UTF-16 code units (what every position in the text counts). A large
 * import's result arrives as bytes (import-jobs/large-result.ts) and is written as it came:
 * decoding several megabytes into strings on the main thread would hold up its event loop.
 */
export type ArticleBody = { html: string; text: string } | { html: Uint8Array; text: Uint8Array; textLength: number };

/** Only the body's own fields (a document carries much else that is not the store's to write). */
export const articleBodyOf = (body: ArticleBody): ArticleBody =>
  'textLength' in body ? { html: body.html, text: body.text, textLength: body.textLength } : { html: body.html, text: body.text };

/** HTML or text as a string, whether it came as one or as UTF-8 bytes. */
export const asString = (value: string | Uint8Array): string => (typeof value === 'string' ? value : bytesAsBuffer(value).toString('utf8'));

/** The text as a string: for the few who must read it (re-anchoring notes in new text). */
export const bodyText = (body: ArticleBody): string => asString(body.text);

const bodyTextLength = (body: ArticleBody): number => ('textLength' in body ? body.textLength : body.text.length);

/** A Buffer over the same memory (`Buffer.from(bytes)` would copy it). */
export const bytesAsBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const fileData = (data: string | Uint8Array): string | Buffer => (typeof data === 'string' ? data : bytesAsBuffer(data));

/**
 * Writes content.html, text.txt and, for a book, its chapter index.
 * @param write how each file is written: atomically over what is there (the default), or as a new
 *   file of a staging folder (`writeNewFile`)
 */
export async function writeContentFiles(
  files: ArticleFiles,
  content: ArticleBody & { chapters?: readonly StoredChapter[] | undefined },
  write: (file: string, data: string | Buffer) => Promise<void> = writeFileAtomic,
): Promise<void> {
  await write(files.content, fileData(content.html));
  await write(files.text, fileData(content.text));
  if (content.chapters && content.chapters.length > 0) {
    const contentBytes = typeof content.html === 'string' ? Buffer.byteLength(content.html, 'utf8') : content.html.byteLength;
    const index: ChapterIndex = { contentBytes, textLength: bodyTextLength(content), chapters: [...content.chapters] };
    await write(files.chapters, chapterIndexJson(index));
  }
}

/** The chapter index that matches the article's files; null when there is none, or (logged) when it does not match. */
export async function readChapterIndex(files: ArticleFiles, textLength: number, log: (line: string) => void): Promise<ChapterIndex | null> {
  let json: string;
  try {
    json = await readFile(files.chapters, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    const contentBytes = (await stat(files.content)).size;
    return parseChapterIndex(json, { contentBytes, textLength });
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}; the article is read whole.`);
    return null;
  }
}

/** One chapter's `<section>`, read from its bytes of content.html and checked to be one. */
export async function readChapterHtml(files: ArticleFiles, chapter: StoredChapter): Promise<string> {
  const handle = await open(files.content, 'r');
  try {
    const bytes = Buffer.alloc(chapter.htmlEnd - chapter.htmlStart);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, chapter.htmlStart);
    const html = bytes.subarray(0, bytesRead).toString('utf8');
    if (!looksLikeChapterHtml(html, chapter)) {
      throw new Error(`content.html does not hold chapter ${chapter.anchor} where chapters.json says (bytes ${chapter.htmlStart}–${chapter.htmlEnd})`);
    }
    return html;
  } finally {
    await handle.close();
  }
}

/**
 * The chapter indexes of the long books read lately, kept while their three files are unchanged
 * (the same sizes and times): a chapter asked for, or the book opened again, then reads no more
 * than its own bytes. Telling whether an index matches its files means knowing the text's length
 * in characters, which otherwise reads and decodes the whole text (6 MB for a million words) for
 * every chapter.
 */
export class ChapterIndexes {
  private readonly known = new Map<string, { stamp: string; index: ChapterIndex }>();

  constructor(private readonly log: (line: string) => void) {}

  /**
   * The index that matches the article's files, or null (the article is read whole); and the text
   * when it had to be read to tell (it is not, for a book whose files are as they were).
   */
  async of(files: ArticleFiles, readText: () => Promise<string>): Promise<{ index: ChapterIndex | null; text?: string }> {
    // Stamped before the text is read: a file written meanwhile gives the next call a new stamp.
    const stamp = (await Promise.all([files.text, files.content, files.chapters].map(stampOf))).join('|');
    const known = this.known.get(files.text);
    if (known?.stamp === stamp) return { index: known.index };
    const text = await readText();
    const index = text.length >= CHAPTERS_FROM_CHARS ? await readChapterIndex(files, text.length, this.log) : null;
    if (index) this.known.set(files.text, { stamp, index });
    else this.known.delete(files.text);
    return { index, text };
  }
}

async function stampOf(file: string): Promise<string> {
  try {
    const { size, mtimeMs } = await stat(file);
    return `${size}:${mtimeMs}`;
  } catch (error) {
    if (isNotFound(error)) return '-';
    throw error;
  }
}

/**
 * What the reader gets: a long book as its text and chapters, with the HTML of the chapter holding
 * `position` and of the next one; anything else as the whole HTML (`readWhole`). `textApart`: a
 * long book's text is left out (`textApart` says its length), for a reader that reads text.txt as
 * a file of the article, without the cost of carrying millions of characters inside the answer.
 */
export async function readArticleContent(
  id: string,
  files: ArticleFiles,
  {
    position,
    readText,
    readWhole,
    indexes,
    textApart = false,
  }: { position: number; readText: () => Promise<string>; readWhole: () => Promise<string>; indexes: ChapterIndexes; textApart?: boolean },
): Promise<ArticleContent> {
  const found = await indexes.of(files, readText);
  const { index } = found;
  if (!index) return { id, html: await readWhole(), text: found.text ?? (await readText()) };
  const first = chapterHolding(index.chapters, position);
  const chapters: ContentChapter[] = [];
  for (const [i, { htmlStart: _start, htmlEnd: _end, ...chapter }] of index.chapters.entries()) {
    chapters.push(i === first || i === first + 1 ? { ...chapter, html: await readChapterHtml(files, index.chapters[i]!) } : chapter);
  }
  if (textApart) return { id, html: '', text: '', chapters, textApart: { length: index.textLength } };
  return { id, html: '', text: found.text ?? (await readText()), chapters };
}
