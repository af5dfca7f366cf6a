/**
 * Web pages: Mozilla's Readability (Firefox Reader View) finds the article and its metadata in a
 * linkedom document (page-dom.ts) that never runs scripts or loads anything; the result is
 * sanitized and normalized: in linkedom when it is plain reader HTML (plain-reader-html.ts), with
 * DOMPurify in jsdom otherwise.
 * A page Readability gives up on falls back to its whole sanitized body; a page too large for
 * Readability to score in reasonable time and memory takes its main element (large-page.ts).
 */
import { Readability } from '@mozilla/readability';
import { fileURLToPath } from 'node:url';
import type { TextDirection } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { AssetCollector } from './asset-collector';
import { declaredHtmlCharset, decodeText } from './decode-text';
import { removeHeadingPermalinks } from './heading-permalinks';
import { cleanLine, excerptOf, type ImportedDocument, isoDate, titleFromFileName } from './imported-document';
import { normalizeReaderHtml, type ReaderDocument } from './normalize-html';
import { largePageArticle, largePageMetadata, nestedDeeperThan, READABILITY_MAX_DEPTH, READABILITY_MAX_ELEMENTS } from './large-page';
import { type PageDom, type PageDomEngine, pageDomEngine, parsePage, releaseLargePage, resolveLinks } from './page-dom';
import { collectPageImages, withAssetPaths } from './page-images';
import { pageMathToMathml } from './page-math';
import { readInPieces } from './reader-pieces';
import { sanitizeToRoot } from './sanitize-html';

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

/**
 * The page parsed from its bytes, decoded as they declare. The decoded markup is not kept for the
 * whole import: a string of one or two bytes a character (two when the page has any character
 * beyond Latin-1: 8 MB for the largest Debian page) that the DOM no longer needs (its strings are
 * copies). It is a temporary of this frame only, gone once the DOM is made.
 */
function parseBytes(bytes: Uint8Array, url: string, engine: PageDomEngine): PageDom {
  return parsePage(decodeText(bytes, declaredHtmlCharset(bytes)), url, engine);
}

/** The page's whole body, for pages Readability finds no article in. */
function wholeBody(bytes: Uint8Array, documentUrl: string, pageUrl: string | null, images: PageImages, engine: PageDomEngine): string {
  const page = parseBytes(bytes, pageUrl ?? documentUrl, engine);
  try {
    const body = page.document.body;
    if (!body) return '';
    pageMathToMathml(page.document);
    removeHeadingPermalinks(body);
    collectPageImages(page.document, images.assets, images.pageFile);
    resolveLinks(body);
    return body.innerHTML;
  } finally {
    page.close();
  }
}

interface PageImages {
  assets: AssetCollector;
  /** the page's path on disk, when images beside it may be kept */
  pageFile: string | null;
}

type KeepImage = (src: string) => string | null;

/**
 * Sanitized and normalized: in pieces when the article is very large (reader-pieces.ts); a plain
 * piece without jsdom (plain-reader-html.ts) unless `plainPath` is false.
 */
function readerDocument(dirtyHtml: string, url: string | null, keepImage: KeepImage, plainPath: boolean): ReaderDocument {
  return readInPieces(withAssetPaths(dirtyHtml), (html) => {
    const { root, innerHtml } = sanitizeToRoot(html, { pageUrl: url, keepImage }, { plainPath });
    return normalizeReaderHtml(root, innerHtml);
  });
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
function readPage(bytes: Uint8Array, documentUrl: string, images: PageImages, engine: PageDomEngine): PageReading {
  const page = parseBytes(bytes, documentUrl, engine);
  try {
    const doc = page.document;
    pageMathToMathml(doc);
    removeHeadingPermalinks(doc);
    collectPageImages(doc, images.assets, images.pageFile);
    const url = pageUrl(doc);
    if (url && !doc.querySelector('base[href]')) {
      // Links relative to the page resolve to the real site, as they did when it was saved.
      const base = doc.createElement('base');
      base.setAttribute('href', url);
      doc.head.prepend(base);
    }
    const root = doc.documentElement;
    const lang = cleanLine(root.getAttribute('lang'));
    const dir = direction(root.getAttribute('dir'));
    const pageTitle = cleanLine(doc.title);
    if (doc.querySelectorAll('*').length > READABILITY_MAX_ELEMENTS || nestedDeeperThan(root, READABILITY_MAX_DEPTH)) {
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
    page.close();
  }
}

/**
 * @param documentUrl where the file is (a file: URL, or the address it was downloaded from):
 * relative links resolve against it unless the page names its own address.
 * @param localFiles whether images in the page's folder may be read (a page imported from disk)
 * @param assets where images are stored (an importer that downloads them passes its own)
 * @param keepRemoteImage for an `http(s):` image of the article, the asset path it was downloaded
 * to, or null (the default: remote images are never fetched here)
 * @param pageDom the DOM the page is read in (page-dom.ts); jsdom only to compare the two
 * @param plainPath whether a plain article is sanitized without jsdom (plain-reader-html.ts); off
 * only to compare the two paths
 */
export function importHtml(
  fileName: string,
  bytes: Uint8Array,
  documentUrl: string,
  {
    localFiles = false,
    assets = new AssetCollector(),
    keepRemoteImage = () => null,
    pageDom = pageDomEngine(),
    plainPath = true,
  }: { localFiles?: boolean; assets?: AssetCollector; keepRemoteImage?: KeepImage; pageDom?: PageDomEngine; plainPath?: boolean } = {},
): ImportedDocument {
  const keepImage: KeepImage = (src) => assets.keepImage(src) ?? keepRemoteImage(src);
  const images: PageImages = { assets, pageFile: localFiles && documentUrl.startsWith('file:') ? fileURLToPath(documentUrl) : null };
  const page = readPage(bytes, documentUrl, images, pageDom);
  releaseLargePage(bytes);
  let reader = page.articleHtml ? readerDocument(page.articleHtml, page.url, keepImage, plainPath) : null;
  if (!reader || reader.text.trim() === '') {
    reader = readerDocument(wholeBody(bytes, documentUrl, page.url, images, pageDom), page.url, keepImage, plainPath);
  }
  if (reader.text.trim() === '') {
    throw sentenceError('import-failed', say('core.import.pageNoReadableText'));
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
