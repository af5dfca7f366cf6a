/**
 * The chapters of a book, each read on its own (sanitized and normalized alone), put together into
 * the article: their `<section>`s in order, with one "\n" between chapters that have text, exactly
 * as the normalizer puts one between blocks (normalize-html.ts), so the text is still the HTML's
 * text; and where each chapter is in both, for the chapter index (library/chapter-index.ts).
 */
import type { StoredChapter } from '../../library/chapter-index';
import { countWords } from '../count-words';
import { ELEMENT_NODE } from '../dom-window';
import { normalizeReaderHtml, type ReaderDocument } from '../normalize-html';
import { readInPieces } from '../reader-pieces';
import { type SanitizedRoot, sanitizeToRoot } from '../sanitize-html';

export interface ReadChapter {
  /** its section's id, `c<N>` */
  anchor: string;
  /** its entry in the book's table of contents, if it has one */
  label: string | null;
  /** one `<section>`, sanitized and normalized */
  html: string;
  /** exactly the text of `html` */
  text: string;
}

/** A chapter's markup as the book has it (its ids and links already the article's), to be read. */
export interface ChapterMarkup {
  anchor: string;
  label: string | null;
  /** its `<section>`, not yet sanitized */
  markup: string;
}

/**
 * Markup per batch. Small enough that a batch's jsdom tree (100–200 times its markup) mostly dies
 * in the import worker's young generation instead of being copied into the old one: measured on
 * Moby-Dick five times over (720 chapters), batches of 50,000 characters took 10–25 % less CPU
 * than batches of 200,000 (the collector's share), 20,000 about the same as 50,000.
 */
export const BATCH_CHARS = 50_000;

/**
 * Reads chapters in batches of about `BATCH_CHARS` of markup: one sanitizer pass per batch, then
 * each chapter normalized alone. The sanitizer makes a new jsdom document on every call, which
 * for a book of 700 short chapters cost more than sanitizing them; a batch keeps that cost small
 * and the memory bounded (a chapter larger than a batch is read alone, in pieces of `PIECE_CHARS`
 * when it is larger than that too: reader-pieces.ts).
 */
export class ChapterBatch {
  private pending: ChapterMarkup[] = [];
  private chars = 0;

  /** @param plainPath whether plain chapters are sanitized without jsdom (sanitize-html.ts); off only to compare the two paths */
  constructor(
    private readonly keepImage: (src: string) => string | null,
    private readonly done: (chapters: ReadChapter[]) => void,
    private readonly plainPath = true,
  ) {}

  add(chapter: ChapterMarkup): void {
    if (this.pending.length > 0 && this.chars + chapter.markup.length > BATCH_CHARS) this.flush();
    this.pending.push(chapter);
    this.chars += chapter.markup.length;
  }

  flush(): void {
    const pending = this.pending;
    this.pending = [];
    this.chars = 0;
    if (pending.length > 0) this.done(pending.length === 1 ? [this.readAlone(pending[0]!)] : this.readTogether(pending));
  }

  private readAlone({ anchor, label, markup }: ChapterMarkup): ReadChapter {
    const read = (html: string): ReaderDocument => {
      const { root, innerHtml } = this.sanitized(html);
      return normalizeReaderHtml(root, innerHtml);
    };
    return { anchor, label, ...readInPieces(markup, read) };
  }

  private readTogether(pending: readonly ChapterMarkup[]): ReadChapter[] {
    const { root, innerHtml } = this.sanitized(pending.map((chapter) => chapter.markup).join(''));
    const sections = Array.from(root.childNodes).filter((node): node is Element => node.nodeType === ELEMENT_NODE);
    // Each chapter's section comes out of the sanitizer as one element of its own, or the batch is
    // read chapter by chapter (HTML's parser could in theory have moved something across them).
    const whole =
      sections.length === pending.length &&
      root.childNodes.length === pending.length &&
      sections.every((section, i) => section.localName === 'section' && section.id === pending[i]!.anchor);
    if (!whole) return pending.map((chapter) => this.readAlone(chapter));
    return pending.map(({ anchor, label }, i) => {
      const holder = root.ownerDocument.createElement('div');
      holder.append(sections[i]!);
      return { anchor, label, ...normalizeReaderHtml(holder, innerHtml) };
    });
  }

  private sanitized(html: string): SanitizedRoot {
    return sanitizeToRoot(html, { keepImage: this.keepImage }, { plainPath: this.plainPath });
  }
}

/** A label made from the first words, for a chapter the contents do not name. */
const LABEL_CHARS = 80;

function firstWords(text: string): string {
  const line = text.trim().split('\n', 1)[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (line.length <= LABEL_CHARS) return line;
  const cut = line.lastIndexOf(' ', LABEL_CHARS);
  return `${line.slice(0, cut > LABEL_CHARS / 2 ? cut : LABEL_CHARS)}…`;
}

/** The book's HTML and text, and each chapter's place in both (HTML in UTF-8 bytes, as stored). */
export function joinChapters(chapters: readonly ReadChapter[]): { html: string; text: string; stored: StoredChapter[] } {
  const html: string[] = [];
  const text: string[] = [];
  const stored: StoredChapter[] = [];
  let textLength = 0;
  let htmlBytes = 0;
  let hadText = false;
  for (const chapter of chapters) {
    const hasText = chapter.text !== '';
    if (hasText && hadText) {
      html.push('\n');
      text.push('\n');
      textLength += 1;
      htmlBytes += 1;
    }
    hadText ||= hasText;
    const bytes = Buffer.byteLength(chapter.html, 'utf8');
    stored.push({
      anchor: chapter.anchor,
      label: chapter.label ?? firstWords(chapter.text),
      start: textLength,
      end: textLength + chapter.text.length,
      words: countWords(chapter.text),
      htmlStart: htmlBytes,
      htmlEnd: htmlBytes + bytes,
    });
    html.push(chapter.html);
    text.push(chapter.text);
    textLength += chapter.text.length;
    htmlBytes += bytes;
  }
  return { html: html.join(''), text: text.join(''), stored };
}

// Sanitized HTML as the serializer writes it: tags are the only `<` (text has `&lt;`), attribute
// values are in double quotes with `"` written `&quot;`, so an attribute is found by its name.
const TAG = /<[a-zA-Z][^>]*>/g;
const ID = /\sid="([^"]*)"/;
const LINK = /<a\s[^>]*>/g;
const HREF = /\shref="#([^"]*)"/;

const attributeValue = (serialized: string): string =>
  serialized.replace(/&quot;/g, '"').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');

/**
 * A link to an id no chapter has opens the chapter it names (`#c3-x` → `#c3`), or is no link when
 * that chapter is not in the book either. Done on the chapters' sanitized HTML, once every
 * chapter's ids are known: a chapter's links may point at any later one.
 */
export function repairLinkTargets(chapters: ReadChapter[]): void {
  const ids = new Set<string>();
  for (const chapter of chapters) {
    for (const [tag] of chapter.html.matchAll(TAG)) {
      const id = ID.exec(tag)?.[1];
      if (id !== undefined) ids.add(attributeValue(id));
    }
  }
  for (const chapter of chapters) {
    chapter.html = chapter.html.replace(LINK, (tag) => {
      const href = HREF.exec(tag);
      if (!href) return tag;
      const id = attributeValue(href[1]!);
      if (ids.has(id)) return tag;
      const named = /^c\d+/.exec(id)?.[0];
      return tag.replace(HREF, named && ids.has(named) ? ` href="#${named}"` : '');
    });
  }
}
