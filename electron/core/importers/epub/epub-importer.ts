/**
 * EPUB 2 and 3 books: the chapters of the spine, in order, become one article, each chapter a
 * `<section id="c<N>">`. Ids inside a chapter are prefixed with its section's id so that they stay
 * unique, links between chapters become links to those ids, and every entry of the book's table of
 * contents points at an element that exists (a chapter without a heading gets its entry's label
 * as one). Images are kept as assets; fonts, styles, scripts, audio and media overlays are not
 * needed to read and are never unpacked, so obfuscated fonts do not matter.
 */
import type { TextDirection } from '../../../shared/models';
import type { QuireError } from '../../../shared/result';
import { say } from '../../../shared/i18n/core-sentences';
import { englishSentence, sentenceError } from '../../../shared/i18n/english-sentence';
import { AssetCollector } from '../asset-collector';
import { decodeText } from '../decode-text';
import { domWindow } from '../dom-window';
import { excerptOf, guessDirection, type ImportedDocument, isoDate, titleFromFileName } from '../imported-document';
import { limitPageNesting, MAX_NESTING_DEPTH } from '../limit-nesting';
import { MATHML_NAMESPACE } from '../mathml';
import { ChapterBatch, joinChapters, type ReadChapter, repairLinkTargets } from './book-chapters';
import { type ManifestItem, type PackageDocument, parsePackage, resolveHref } from './package-document';
import { navTableOfContents, ncxTableOfContents, type TocLink } from './table-of-contents';
import { BookLayoutReader } from './book-layout';
import { svgPicturesToImg } from './svg-pictures';
import { firstNamed, parseXml } from './xml';
import { xmlNestingDepth } from './xml-depth';
import { ZipArchive } from './zip-archive';

export interface EpubOptions {
  /** the largest file accepted; the book may unpack to twice that, no more */
  maxBytes: number;
  /** told after each chapter of the spine is read (a long book takes a while): chapters done, of how many */
  onChapter?: (done: number, total: number) => void;
  /** whether plain chapters are sanitized without jsdom (sanitize-html.ts); off only to compare the two paths */
  plainPath?: boolean;
}

/** An entry of the table of contents, as it points into the article's HTML. */
export interface TocEntry {
  label: string;
  /** id of the element in content.html */
  anchor: string;
  depth: number;
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'iw', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);
const HEADING = 'h1, h2, h3, h4, h5, h6';

const notAnEpub = (): QuireError =>
  sentenceError('import-failed', say('core.import.epubNoPackage'));

export async function importEpub(
  fileName: string,
  bytes: Uint8Array,
  { maxBytes, onChapter, plainPath = true }: EpubOptions,
): Promise<ImportedDocument & { toc: TocEntry[] }> {
  const zip = await ZipArchive.open(bytes, { maxEntries: 10_000, maxTotalBytes: 2 * maxBytes });
  try {
    const opfPath = await packagePath(zip);
    const opf = await zip.read(opfPath);
    if (!opf) throw notAnEpub();
    const opfXml = decodeXmlText(opf) ?? '';
    const book = parsePackage(opfPath, opfXml);
    return await assemble(zip, book, fileName, opfXml, onChapter, plainPath);
  } finally {
    zip.close();
  }
}

/** META-INF/container.xml names the package; a book without one is read from its only OPF. */
async function packagePath(zip: ZipArchive): Promise<string> {
  const container = await zip.read('META-INF/container.xml');
  const doc = container ? parseXml(decodeXmlText(container) ?? '') : null;
  const fullPath = doc ? firstNamed(doc, 'rootfile')?.getAttribute('full-path') : null;
  const named = fullPath ? resolveHref('', fullPath).path : null;
  if (named && zip.has(named)) return named;
  const found = zip.names().find((name) => name.toLowerCase().endsWith('.opf'));
  if (!found) throw notAnEpub();
  return found;
}

/** XML says its encoding in its declaration (`<?xml version="1.0" encoding="iso-8859-1"?>`). */
function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? null;
}

function decodeXmlText(bytes: Uint8Array): string | null {
  try {
    return decodeText(bytes, declaredXmlEncoding(bytes));
  } catch {
    return null;
  }
}

const isDocument = (item: ManifestItem): boolean =>
  ['application/xhtml+xml', 'text/html', 'application/xml', 'text/x-oeb1-document', ''].includes(item.mediaType) &&
  item.path !== null && !/\.(?:png|jpe?g|gif|svg|webp|css|ncx|smil|mp3|mp4|otf|ttf|woff2?)$/i.test(item.path);

async function assemble(
  zip: ZipArchive,
  book: PackageDocument,
  fileName: string,
  opfXml: string,
  onChapter: EpubOptions['onChapter'],
  plainPath: boolean,
): Promise<ImportedDocument & { toc: TocEntry[] }> {
  const doc = domWindow().document;
  const chapterOf = new Map<string, string>(); // archive path → section id
  book.spine.forEach((item, index) => {
    if (item.path && !chapterOf.has(item.path)) chapterOf.set(item.path, `c${index + 1}`);
  });

  const assets = new AssetCollector();
  const imageCache = new Map<string, string | null>();
  const storeImage = async (archivePath: string): Promise<string | null> => {
    if (!imageCache.has(archivePath)) {
      const image = await zip.read(archivePath);
      imageCache.set(archivePath, image ? assets.add(image) : null);
    }
    return imageCache.get(archivePath) ?? null;
  };
  const layout = new BookLayoutReader(zip, opfXml, storeImage);
  const keepImage = (src: string) => (assets.has(src) ? src : null);
  const linksTo = tocLinksByChapter(await tableOfContents(zip, book), chapterOf);

  // One chapter at a time, from its bytes to its sanitized HTML and text: only one chapter's DOM
  // is ever alive, so the memory an import needs is that of the largest chapter, not the book's.
  const chapters: ReadChapter[] = [];
  const batch = new ChapterBatch(keepImage, (read) => chapters.push(...read), plainPath);
  const toc: (TocEntry & { order: number })[] = [];
  let firstLang: string | null = null;
  for (const [index, item] of book.spine.entries()) {
    onChapter?.(index, book.spine.length);
    if (!item.path || !isDocument(item) || chapterOf.get(item.path) !== `c${index + 1}`) continue;
    const bytes = await zip.read(item.path);
    const text = bytes ? decodeXmlText(bytes) : null;
    if (text === null) continue; // a missing or unreadable chapter: the rest of the book still reads
    const chapter = chapterDocument(text);
    firstLang ??= chapter.documentElement.getAttribute('xml:lang') ?? chapter.documentElement.getAttribute('lang');
    const body = firstNamed(chapter, 'body');
    if (!body) continue;
    await layout.readChapter(chapter, { ...item, path: item.path }, `c${index + 1}`);
    const section = doc.createElement('section');
    section.id = `c${index + 1}`;
    // Moved, not copied: appending adopts the chapter's nodes into the article's document (and its
    // HTML serializer), and a copy of every node was garbage once the chapter was serialized.
    section.append(...Array.from(body.childNodes));
    svgPicturesToImg(section);
    unprefixMathml(section);
    dropNamespacedAttributes(section);
    prefixIds(section, section.id);
    rewriteLinks(section, item.path, chapterOf);
    for (const img of Array.from(section.querySelectorAll('img'))) {
      const target = resolveHref(item.path, img.getAttribute('src') ?? '').path;
      const stored = target ? await storeImage(target) : null;
      if (stored) img.setAttribute('src', stored);
      else img.removeAttribute('src');
    }
    const entries = placeTableOfContents(section, linksTo.get(section.id) ?? []);
    toc.push(...entries);
    const label = entries.find((entry) => entry.anchor === section.id)?.label ?? entries[0]?.label ?? null;
    batch.add({ anchor: section.id, label, markup: section.outerHTML });
  }
  batch.flush();
  onChapter?.(book.spine.length, book.spine.length);
  const hasPicture = chapters.some((chapter) => chapter.html.includes('<img'));
  if (chapters.length === 0) {
    throw sentenceError('import-failed', say('core.import.epubNoChapter'));
  }

  repairLinkTargets(chapters);
  const { html, text, stored } = joinChapters(chapters);
  const lang = book.language ?? firstLang;
  const bookLayout = layout.finish(book.direction, lang);
  const baseLang = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    title: book.title ?? titleFromFileName(fileName),
    byline: book.creators.length > 0 ? book.creators.join(', ') : null,
    siteName: book.publisher,
    lang,
    dir: textDirection(book.direction, baseLang, text),
    publishedAt: isoDate(book.date),
    excerpt: book.description ?? excerptOf(text),
    url: null,
    html,
    text,
    assets: [...assets.referencedBy(html + bookLayout.references), ...bookLayout.assets],
    tags: [],
    toc: toc.sort((a, b) => a.order - b.order).map(({ order: _order, ...entry }) => entry),
    chapters: stored,
    ...bookLayout.fields,
    // The chapters were counted as they were read; a word never runs across the "\n" between two.
    ...littleTextNote(stored.reduce((sum, chapter) => sum + chapter.words, 0), book.fixedLayout, hasPicture),
  };
}

/** Below this many words a book is not what its reader expects to find, and is told why. */
const FEW_WORDS = 100;

/**
 * A book that imports with almost no text (a picture book, a comic, a scanned book) would
 * otherwise look like a success; the import summary says what came in and why.
 */
function littleTextNote(words: number, fixedLayout: boolean, hasPictures: boolean): Pick<ImportedDocument, 'note' | 'noteSentence'> {
  if (words >= FEW_WORDS) return {};
  const id = fixedLayout ? 'core.import.epubFixedLayout' : hasPictures ? 'core.import.epubMostlyPictures' : 'core.import.epubLittleText';
  const sentence = say(id, { words });
  return { note: englishSentence(sentence), noteSentence: sentence };
}

/**
 * The direction of the text. `page-progression-direction` is about the order of pages: a Japanese
 * novel set vertically turns its pages right to left, yet its lines are not right-to-left text.
 * So the book's language and script decide first; the progression only confirms left-to-right.
 */
function textDirection(progression: 'ltr' | 'rtl' | null, baseLang: string, text: string): TextDirection | null {
  if (RTL_LANGUAGES.has(baseLang) || guessDirection(text) === 'rtl') return 'rtl';
  return progression === null ? null : 'ltr';
}

/**
 * XHTML as XML (so `<a id="x"/>` stays empty); a chapter that is not well-formed, as HTML. A chapter
 * nested deeper than any book needs is read as HTML too, flattened first (limit-nesting.ts): every
 * jsdom parse of such markup takes time that grows with the square of its depth.
 */
function chapterDocument(text: string): Document {
  const xml = xmlNestingDepth(text) <= MAX_NESTING_DEPTH ? parseXml(text, 'application/xhtml+xml') : null;
  return xml ?? new (domWindow().DOMParser)().parseFromString(limitPageNesting(text), 'text/html');
}


/**
 * MathML written with a prefix (`<m:math xmlns:m="…MathML">`, common in EPUB 2 books) would be
 * serialized as `m:math`, which HTML does not know: each such element becomes the same element
 * without its prefix (the sanitizer then keeps what MathML Core allows of it).
 */
function unprefixMathml(section: Element): void {
  const prefixed = Array.from(section.getElementsByTagName('*')).filter(
    (element) => element.namespaceURI === MATHML_NAMESPACE && element.prefix !== null,
  );
  // Innermost first, so each element moves children that are already unprefixed.
  for (const element of prefixed.reverse()) {
    const plain = section.ownerDocument.createElementNS(MATHML_NAMESPACE, element.localName);
    for (const attribute of Array.from(element.attributes)) plain.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    plain.append(...Array.from(element.childNodes));
    element.replaceWith(plain);
  }
}

/**
 * `epub:type` terms for notes, as the DPUB-ARIA roles that mean the same: the sanitizer keeps
 * `role`, and the reader opens such notes in a pop-up (web pages use these roles themselves).
 */
const NOTE_ROLES: Readonly<Record<string, string>> = {
  noteref: 'doc-noteref',
  footnote: 'doc-footnote',
  endnote: 'doc-endnote',
  rearnote: 'doc-endnote',
  endnotes: 'doc-endnotes',
  rearnotes: 'doc-endnotes',
};

/**
 * XML leftovers (`xmlns`, `epub:type`…) mean nothing to the reader; `xml:lang` becomes `lang`, and
 * an `epub:type` that marks a note or its reference becomes its `role`.
 */
function dropNamespacedAttributes(section: Element): void {
  for (const element of Array.from(section.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === 'xml:lang' && !element.hasAttribute('lang')) element.setAttribute('lang', attribute.value);
      if (attribute.localName === 'type' && attribute.name.includes(':') && !element.hasAttribute('role')) {
        const role = attribute.value.split(/\s+/).map((term) => NOTE_ROLES[term]).find((found) => found !== undefined);
        if (role) element.setAttribute('role', role);
      }
      if (attribute.name.includes(':') || attribute.name === 'xmlns') element.removeAttributeNode(attribute);
    }
  }
}

function prefixIds(section: Element, prefix: string): void {
  for (const element of Array.from(section.querySelectorAll('[id], a[name]'))) {
    const id = element.getAttribute('id') ?? element.getAttribute('name');
    if (id) element.setAttribute('id', `${prefix}-${id}`);
    element.removeAttribute('name');
  }
}

/** Links to another place in the book become `#<id>` links; links out stay; the rest lose their href. */
function rewriteLinks(section: Element, chapterPath: string, chapterOf: ReadonlyMap<string, string>): void {
  for (const link of Array.from(section.querySelectorAll('a[href]'))) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (/^(?:https?|mailto):/i.test(href)) continue;
    const target = resolveHref(chapterPath, href);
    const chapter = target.path ? chapterOf.get(target.path) : undefined;
    if (chapter) link.setAttribute('href', target.fragment ? `#${chapter}-${target.fragment}` : `#${chapter}`);
    else link.removeAttribute('href');
  }
}

async function tableOfContents(zip: ZipArchive, book: PackageDocument): Promise<TocLink[]> {
  for (const [item, parse] of [
    [book.nav, navTableOfContents],
    [book.ncx, ncxTableOfContents],
  ] as const) {
    if (!item?.path) continue;
    const bytes = await zip.read(item.path);
    const text = bytes ? decodeXmlText(bytes) : null;
    const links = text === null ? [] : parse(item.path, text);
    if (links.length > 0) return links;
  }
  return [];
}

/** The table of contents' links, by the section id of the chapter each points into, in the contents' order. */
function tocLinksByChapter(links: readonly TocLink[], chapterOf: ReadonlyMap<string, string>): Map<string, OrderedLink[]> {
  const byChapter = new Map<string, OrderedLink[]>();
  for (const [order, link] of links.entries()) {
    const chapter = chapterOf.get(link.path);
    if (!chapter) continue;
    const list = byChapter.get(chapter) ?? [];
    list.push({ ...link, order });
    byChapter.set(chapter, list);
  }
  return byChapter;
}

/** A link of the table of contents and its place in it (chapters are read in the spine's order). */
type OrderedLink = TocLink & { order: number };

/** Points each entry into the chapter at an element it has; a chapter with no heading gets the entry's label. */
function placeTableOfContents(section: Element, links: readonly OrderedLink[]): (TocEntry & { order: number })[] {
  if (links.length === 0) return [];
  const ids = new Set(Array.from(section.querySelectorAll('[id]'), (element) => element.id));
  const entries: (TocEntry & { order: number })[] = [];
  for (const link of links) {
    const wanted = link.fragment ? `${section.id}-${link.fragment}` : section.id;
    const anchor = ids.has(wanted) ? wanted : section.id;
    if (anchor === section.id && !section.querySelector(HEADING) && section.textContent?.trim() !== link.label) {
      const heading = section.ownerDocument.createElement('h2');
      heading.textContent = link.label;
      section.prepend(heading);
    }
    entries.push({ label: link.label, anchor, depth: link.depth, order: link.order });
  }
  return entries;
}
