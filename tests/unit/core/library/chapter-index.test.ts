/**
 * A book stored in chapters: each chapter's bytes of content.html are its `<section>`, whose text is
 * exactly its range of text.txt; the index reads back as it was written; an index that does not
 * match its files is refused with a sentence that says how, and the book is then read whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../../../electron/core/importers/count-words';
import { importEpub } from '../../../../electron/core/importers/epub/epub-importer';
import { fragmentText } from '../../../../electron/core/importers/fragment-text';
import type { ImportedDocument } from '../../../../electron/core/importers/imported-document';
import { chapterIndexJson, parseChapterIndex, type ChapterIndex } from '../../../../electron/core/library/chapter-index';
import { openQuire } from '../../../../electron/core/open-quire';
import { CORPUS_DIR } from '../support/corpus';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';

const MOBY_DICK = path.join(CORPUS_DIR, 'epub', 'moby-dick.epub');
const tempDir = useTempDir();
let book: ImportedDocument;
const progress: [number, number][] = [];

beforeAll(async () => {
  book = await importEpub('moby-dick.epub', readFileSync(MOBY_DICK), { maxBytes: 200 * 1024 * 1024, onChapter: (done, total) => progress.push([done, total]) });
}, 60_000);

const indexOf = (document: ImportedDocument): ChapterIndex => ({
  contentBytes: Buffer.byteLength(document.html),
  textLength: document.text.length,
  chapters: document.chapters ?? [],
});

describe('the chapter index of an imported book', () => {
  it('gives every chapter of the spine its section of the HTML and its range of the text', () => {
    const chapters = book.chapters ?? [];
    expect(chapters.length).toBeGreaterThan(130); // its 144 spine items, less the non-linear ones
    expect(new Set(chapters.map((chapter) => chapter.anchor)).size).toBe(chapters.length);
    const html = Buffer.from(book.html, 'utf8');
    let end = 0;
    for (const chapter of chapters) {
      const section = html.subarray(chapter.htmlStart, chapter.htmlEnd).toString('utf8');
      expect(section.startsWith(`<section id="${chapter.anchor}"`)).toBe(true);
      expect(fragmentText(section)).toBe(book.text.slice(chapter.start, chapter.end));
      // Between two chapters, nothing but the line break between blocks.
      expect(book.text.slice(end, chapter.start)).toMatch(/^\n?$/);
      end = chapter.end;
    }
    expect(end).toBe(book.text.length);
    expect(chapters.find((chapter) => chapter.label === 'Chapter 1. Loomings.')).toBeDefined();
    expect(chapters.reduce((sum, chapter) => sum + chapter.words, 0)).toBe(countWords(book.text));
  });

  it('is read chapter by chapter, saying how far it has come', () => {
    // Every document of the linear spine is told before it is read, then the end.
    const total = progress[0]![1];
    expect(total).toBeGreaterThanOrEqual(book.chapters!.length);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress).toHaveLength(total + 1);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
  });

  it('reads back as it was written', () => {
    const index = indexOf(book);
    expect(parseChapterIndex(chapterIndexJson(index), { contentBytes: index.contentBytes, textLength: index.textLength })).toEqual(index);
  });

  it('is refused, with a sentence saying how, when it does not match its files', () => {
    const index = indexOf(book);
    const sizes = { contentBytes: index.contentBytes, textLength: index.textLength };
    expect(() => parseChapterIndex(chapterIndexJson(index), { ...sizes, contentBytes: sizes.contentBytes - 1 })).toThrow(
      `chapters.json does not match the article's files: the chapter index was made for a content.html of ${sizes.contentBytes} bytes and a text.txt of ${sizes.textLength} characters, and they are ${sizes.contentBytes - 1} bytes and ${sizes.textLength} characters now`,
    );
    const overlapping = { ...index, chapters: index.chapters.map((chapter, i) => (i === 3 ? { ...chapter, start: chapter.start - 50 } : chapter)) };
    expect(() => parseChapterIndex(chapterIndexJson(overlapping), sizes)).toThrow(/chapter 4 of the index covers characters .* which overlap the chapter before it/);
    expect(() => parseChapterIndex('{"version":1}', sizes)).toThrow('chapters.json is not a chapter index this version of Quire reads');
  });
});

describe('a long book in the library', () => {
  it('is read in chapters, the one at the reading position first, and whole again when its index no longer matches', async () => {
    const root = tempDir();
    const logged: string[] = [];
    const data = new Map<string, unknown>();
    const core = await openQuire({
      libraryDir: path.join(root, 'library'),
      cacheDir: path.join(root, 'cache'),
      settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
      log: (line) => logged.push(line),
      createIndex: (options) => createMemoryIndex(createMemoryIndexState(), options),
      systemLanguages: ['en-US'],
    });
    try {
      const [outcome] = await core.importPaths([MOBY_DICK]);
      if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
      const id = outcome.article.id;
      const late = (await core.getContent(id)).chapters![100]!;
      await core.setProgress(id, { progress: 0.7, position: late.start + 10 });

      const content = await core.getContent(id);
      expect(content.html).toBe('');
      const chapters = content.chapters!;
      expect(chapters.filter((chapter) => chapter.html !== undefined).map((chapter) => chapter.anchor)).toEqual([chapters[100]!.anchor, chapters[101]!.anchor]);
      expect(fragmentText(chapters[100]!.html!)).toBe(content.text.slice(late.start, late.end));
      const other = await core.getChapter(id, 7);
      expect(fragmentText(other.html)).toBe(content.text.slice(chapters[7]!.start, chapters[7]!.end));
      await expect(core.getChapter(id, chapters.length)).rejects.toThrow('That chapter is not in this book');
      // Asked for with its text apart (a reader reads text.txt itself): the same answer, its text left out.
      const apart = await core.getContent(id, { textApart: true });
      expect(apart).toEqual({ ...content, text: '', textApart: { length: content.text.length } });

      // content.html written again by something else (a repair, a hand edit): the index is refused.
      const folder = path.join(root, 'library', 'articles', id);
      writeFileSync(path.join(folder, 'content.html'), `${readFileSync(path.join(folder, 'content.html'), 'utf8')} `);
      const whole = await core.getContent(id);
      expect(whole.chapters).toBeUndefined();
      expect(whole.html.length).toBeGreaterThan(1_000_000);
      expect(await core.getContent(id, { textApart: true })).toEqual(whole);
      await expect(core.getChapter(id, 7)).rejects.toThrow('That chapter is not in this book');
      expect(logged.some((line) => line.startsWith("chapters.json does not match the article's files") && line.endsWith('the article is read whole.'))).toBe(true);
    } finally {
      await core.close();
    }
  }, 120_000);
});
