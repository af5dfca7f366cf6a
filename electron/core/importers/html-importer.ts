/**
 * Web pages: Mozilla's Readability (Firefox Reader View) finds the article and its metadata in a
 * jsdom document that never runs scripts or loads anything; the result is sanitized and normalized.
 * A page Readability gives up on falls back to its whole sanitized body; a page too large for
 * Readability to score in reasonable time and memory takes its main element (large-page.ts).
 */
import { Readability } from '@mozilla/readability';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { TextDirection } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { AssetCollector } from './asset-collector';
import { declaredHtmlCharset, decodeText } from './decode-text';
import { cleanLine, excerptOf, type ImportedDocument, isoDate, titleFromFileName } from './imported-document';
import { normalizeReaderHtml, type ReaderDocument } from './normalize-html';
import { limitPageNesting } from './limit-nesting';
import { largePageArticle, largePageMetadata, nestedDeeperThan, READABILITY_MAX_DEPTH, READABILITY_MAX_ELEMENTS } from './large-page';
import { collectPageImages, withAssetPaths } from './page-images';
import { sanitizeToElement } from './sanitize-html';

/** The address the page was saved from, when it says so (canonical link or og:url). */
function pageUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // relative or malformed: not an address we can use
    }
  }
  return null;
}

const direction = (value: string | null | undefined): TextDirection | null => {
  const cleaned = cleanLine(value)?.toLowerCase();
  return cleaned === 'ltr' || cleaned === 'rtl' ? cleaned : null;
};

/** The page's whole body, for pages Readability finds no article in. */
function wholeBody(source: string, documentUrl: string, pageUrl: string | null, images: PageImages): string {
  const dom = parseQuietly(source, pageUrl ?? documentUrl);
  try {
    const body = dom.window.document.body;
    if (!body) return '';
    collectPageImages(dom.window.document, images.assets, images.pageFile);
    resolveLinks(body);
    return body.innerHTML;
  } finally {
    dom.window.close();
  }
}

/** Serializing keeps links as written; resolve them first, as Readability does for its article. */
function resolveLinks(root: Element): void {
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    link.setAttribute('href', link.href);
  }
}

// A silent console: pages are full of CSS jsdom cannot parse, which is no concern of the user.
const parseQuietly = (source: string, url: string): JSDOM => {
  const dom = new JSDOM(source, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  unclobber(dom);
  return dom;
};

/**
 * DOM clobbering: HTML makes an `<img>`, `<form>`, `<embed>`, `<object>` or `<iframe>` with a
 * `name` (an `<img>`/`<object>` with an `id` too) a property of `document`, and a form's controls
 * properties of the form, so a page with `<img name="querySelector">` replaces
 * `document.querySelector` and the importer (and Readability) would throw. Names and ids that
 * shadow a property are removed before anything reads the page (they are never shown). The
 * search and the attribute calls go through the prototypes, which a clobbered object cannot shadow.
 */
const CLOBBERS_DOCUMENT = 'embed[name], form[name], iframe[name], img[name], object[name], img[id], object[id]';
const CLOBBERS_FORM = 'form :is(button, fieldset, input, object, output, select, textarea, img)[name], form :is(button, fieldset, input, object, output, select, textarea, img)[id]';

function unclobber(dom: JSDOM): void {
  const { Document, Element, HTMLFormElement } = dom.window;
  const doc = dom.window.document;
  const strip = (selector: string, shadowed: object): void => {
    for (const element of Array.from(Document.prototype.querySelectorAll.call(doc, selector))) {
      for (const attribute of ['name', 'id']) {
        const value = Element.prototype.getAttribute.call(element, attribute);
        if (value !== null && Reflect.has(shadowed, value)) Element.prototype.removeAttribute.call(element, attribute);
      }
    }
  };
  strip(CLOBBERS_DOCUMENT, Document.prototype);
  strip(CLOBBERS_FORM, HTMLFormElement.prototype);
}

interface PageImages {
  assets: AssetCollector;
  /** the page's path on disk, when images beside it may be kept */
  pageFile: string | null;
}

type KeepImage = (src: string) => string | null;

function readerDocument(dirtyHtml: string, url: string | null, keepImage: KeepImage): ReaderDocument {
  return normalizeReaderHtml(sanitizeToElement(withAssetPaths(dirtyHtml), { pageUrl: url, keepImage }));
}

/** What the page says about itself, and the HTML of its article (not yet sanitized). */
type PageReading = Pick<ImportedDocument, 'byline' | 'siteName' | 'lang' | 'dir' | 'publishedAt' | 'excerpt' | 'url'> & {
  /** null when the page has none (the file name is used) */
  title: string | null;
  /** the article's HTML, or null when no article was found */
  articleHtml: string | null;
};

/**
 * Parses the page, stores its images, and finds its article: with Readability, or for a very large
 * page (a whole manual on one page) with `largePageArticle`. Only strings leave this function, so
 * the page's DOM — by far the largest thing an import holds — is closed before the article is
 * sanitized, and the two are never in memory together.
 */
function readPage(source: string, documentUrl: string, images: PageImages): PageReading {
  const dom = parseQuietly(source, documentUrl);
  try {
    const doc = dom.window.document;
    collectPageImages(doc, images.assets, images.pageFile);
    const url = pageUrl(doc);
    if (url && !doc.querySelector('base[href]')) {
      // Links relative to the page resolve to the real site, as they did when it was saved.
      const base = doc.createElement('base');
      base.href = url;
      doc.head.prepend(base);
    }
    const root = doc.documentElement;
    const lang = cleanLine(root.getAttribute('lang'));
    const dir = direction(root.getAttribute('dir'));
    const pageTitle = cleanLine(doc.title);
    if (doc.getElementsByTagName('*').length > READABILITY_MAX_ELEMENTS || nestedDeeperThan(root, READABILITY_MAX_DEPTH)) {
      return { ...largePageMetadata(doc), lang, dir, url, articleHtml: largePageArticle(doc) };
    }
    // Readability takes the document apart as it works; the fallback parses the page again (that is
    // rarer than cloning every page up front, which costs as much as a parse).
    const article = new Readability(doc, { keepClasses: false }).parse();
    return {
      title: cleanLine(article?.title) ?? pageTitle,
      byline: cleanLine(article?.byline),
      siteName: cleanLine(article?.siteName),
      lang: cleanLine(article?.lang) ?? lang,
      dir: direction(article?.dir) ?? dir,
      publishedAt: isoDate(article?.publishedTime),
      excerpt: cleanLine(article?.excerpt),
      url,
      articleHtml: article?.content || null,
    };
  } finally {
    dom.window.close();
  }
}

/**
 * @param documentUrl where the file is (a file: URL, or the address it was downloaded from):
 * relative links resolve against it unless the page names its own address.
 * @param localFiles whether images in the page's folder may be read (a page imported from disk)
 * @param assets where images are stored (an importer that downloads them passes its own)
 * @param keepRemoteImage for an `http(s):` image of the article, the asset path it was downloaded
 * to, or null (the default: remote images are never fetched here)
 */
export function importHtml(
  fileName: string,
  bytes: Uint8Array,
  documentUrl: string,
  {
    localFiles = false,
    assets = new AssetCollector(),
    keepRemoteImage = () => null,
  }: { localFiles?: boolean; assets?: AssetCollector; keepRemoteImage?: KeepImage } = {},
): ImportedDocument {
  const keepImage: KeepImage = (src) => assets.keepImage(src) ?? keepRemoteImage(src);
  // jsdom's time grows with the square of the nesting depth: deeper markup is flattened before it parses the page.
  const source = limitPageNesting(decodeText(bytes, declaredHtmlCharset(bytes)));
  const images: PageImages = { assets, pageFile: localFiles && documentUrl.startsWith('file:') ? fileURLToPath(documentUrl) : null };
  const page = readPage(source, documentUrl, images);
  let reader = page.articleHtml ? readerDocument(page.articleHtml, page.url, keepImage) : null;
  if (!reader || reader.text.trim() === '') {
    reader = readerDocument(wholeBody(source, documentUrl, page.url, images), page.url, keepImage);
  }
  if (reader.text.trim() === '') {
    throw new QuireError('import-failed', 'This page has no readable text.');
  }
  return {
    title: page.title ?? titleFromFileName(fileName),
    byline: page.byline,
    siteName: page.siteName,
    lang: page.lang,
    dir: page.dir,
    publishedAt: page.publishedAt,
    excerpt: page.excerpt ?? excerptOf(reader.text),
    url: page.url,
    html: reader.html,
    text: reader.text,
    assets: assets.referencedBy(reader.html),
    tags: [],
  };
}
