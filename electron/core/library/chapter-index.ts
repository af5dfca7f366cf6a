/**
 * A book stored in chapters. content.html and text.txt stay whole (the text model does not change:
 * passages, search hits and the reading position are offsets into text.txt, and the library's
 * check, backups and exports read the same two files as ever); `chapters.json` beside them says
 * where each chapter of the spine is in both: its `<section>` as a range of bytes of content.html,
 * its text as a range of text.txt. The reader reads one chapter's HTML at a time from that range.
 *
 * Nothing else records the same fact, so nothing can disagree with it but the two files: the
 * index names their sizes, and one that no longer matches them (content.html repaired or written
 * by hand, text.txt replaced) is refused in a sentence and the article is read whole, as articles
 * without chapters always are.
 */
import type { BookChapter } from '../../shared/models';
import * as z from '../../shared/zod';

/** A chapter as stored: where it is in the text, and its `<section>` as bytes of content.html. */
export interface StoredChapter extends BookChapter {
  /** [htmlStart, htmlEnd): UTF-8 bytes of content.html, the chapter's `<section>…</section>` */
  htmlStart: number;
  htmlEnd: number;
}

export interface ChapterIndex {
  /** the size of content.html in bytes and of text.txt in characters, as written with the index */
  contentBytes: number;
  textLength: number;
  chapters: StoredChapter[];
}

export const CHAPTER_INDEX_VERSION = 1;

const count = z.int().check(z.gte(0));

const chapterIndexSchema = z.object({
  version: z.literal(CHAPTER_INDEX_VERSION),
  contentBytes: count,
  textLength: count,
  chapters: z.array(
    z.object({
      anchor: z.string().check(z.regex(/^c\d{1,6}$/)),
      label: z.string().check(z.maxLength(2000)),
      start: count,
      end: count,
      words: count,
      htmlStart: count,
      htmlEnd: count,
    }),
  ),
});

/** The file's content: the index with its version. */
export const chapterIndexJson = (index: ChapterIndex): string => JSON.stringify({ version: CHAPTER_INDEX_VERSION, ...index });

/**
 * Why the index cannot describe these files, as a sentence, or null when every chapter is where it
 * says: in order, without overlaps, inside both files, and the files of the sizes it was made for.
 */
export function chapterIndexProblem(index: ChapterIndex, files: { contentBytes: number; textLength: number }): string | null {
  if (index.contentBytes !== files.contentBytes || index.textLength !== files.textLength) {
    return `the chapter index was made for a content.html of ${index.contentBytes} bytes and a text.txt of ${index.textLength} characters, and they are ${files.contentBytes} bytes and ${files.textLength} characters now`;
  }
  if (index.chapters.length === 0) return 'the chapter index lists no chapter';
  let text = 0;
  let html = 0;
  for (const [i, chapter] of index.chapters.entries()) {
    if (chapter.start < text || chapter.end < chapter.start || chapter.end > index.textLength) {
      return `chapter ${i + 1} of the index covers characters ${chapter.start}–${chapter.end} of text.txt, which overlap the chapter before it or run past the text's ${index.textLength} characters`;
    }
    if (chapter.htmlStart < html || chapter.htmlEnd <= chapter.htmlStart || chapter.htmlEnd > index.contentBytes) {
      return `chapter ${i + 1} of the index covers bytes ${chapter.htmlStart}–${chapter.htmlEnd} of content.html, which overlap the chapter before it, are empty or run past the file's ${index.contentBytes} bytes`;
    }
    text = chapter.end;
    html = chapter.htmlEnd;
  }
  return null;
}

/** Reads `chapters.json` and checks it against the files' sizes; throws an Error whose message says what is wrong. */
export function parseChapterIndex(json: string, files: { contentBytes: number; textLength: number }): ChapterIndex {
  let parsed: ReturnType<typeof chapterIndexSchema.parse>;
  try {
    parsed = chapterIndexSchema.parse(JSON.parse(json));
  } catch {
    throw new Error('chapters.json is not a chapter index this version of Quire reads');
  }
  const { version: _version, ...index } = parsed;
  const problem = chapterIndexProblem(index, files);
  if (problem !== null) throw new Error(`chapters.json does not match the article's files: ${problem}`);
  return index;
}

/** Each chapter's `<section>` must open where the index says; checked when one is read. */
export const looksLikeChapterHtml = (html: string, chapter: BookChapter): boolean =>
  html.startsWith(`<section id="${chapter.anchor}"`) && html.endsWith('</section>');
