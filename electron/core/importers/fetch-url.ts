/**
 * Import from a web address: the only network use in Quire, and only when the user asks for it.
 * The page is downloaded (http and https only, size- and time-bounded), read by the importer its
 * content type calls for, and, for a web page, the images the article shows are downloaded into
 * its assets (bounded in number and size; an image that fails keeps its alt text). The default
 * `fetch` (web-fetch.ts) refuses loopback, unspecified and link-local addresses on every hop, for
 * the page and each image; `fetch` is injectable so that tests decide what the network is.
 */
import { QuireError } from '../../shared/result';
import { say, type CoreSentence } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { AssetCollector } from './asset-collector';
import { withLanguage } from './detect-language';
import { importFile, type ImportResult } from './import-file';
import { importHtml } from './html-importer';
import { tooLarge } from './import-formats';
import { createWebFetch } from './web-fetch';

let sharedWebFetch: typeof globalThis.fetch | undefined;
/** One guarded fetch (and its connection pool) per thread. */
const webFetch = (): typeof globalThis.fetch => (sharedWebFetch ??= createWebFetch());

export interface UrlImportOptions {
  fetch?: typeof globalThis.fetch;
  /** largest page or document accepted (default 50 MB) */
  maxBytes?: number;
  /** how long the page may take to arrive (default 30 s) */
  timeoutMs?: number;
  /** most images downloaded for one article (default 100) */
  maxImages?: number;
  /** largest image downloaded (default 10 MB) */
  maxImageBytes?: number;
  /** how long one image may take (default 15 s) */
  imageTimeoutMs?: number;
}

export interface UrlImportResult extends ImportResult {
  /** the downloaded bytes, kept as the article's original */
  bytes: Uint8Array;
  /** a file name for the original (`page.html`, `paper.pdf`…) */
  fileName: string;
  /** the address the page came from after redirects */
  finalUrl: string;
}

const MB = 1024 * 1024;
const IMAGE_CONCURRENCY = 4;

/** Content types Quire reads, with the file name the original is kept under. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'text/html': 'page.html',
  'application/xhtml+xml': 'page.xhtml',
  'text/plain': 'text.txt',
  'text/markdown': 'text.md',
  'text/x-markdown': 'text.md',
  'application/pdf': 'document.pdf',
  'application/epub+zip': 'book.epub',
};

const failed = (sentence: CoreSentence): QuireError => sentenceError('import-failed', sentence);

function parseWebAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw failed(say('core.import.web.notAddress'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw failed(say('core.import.web.onlyHttp'));
  }
  return url;
}

/** The body, read chunk by chunk and abandoned as soon as it passes `maxBytes`. */
async function boundedBody(response: Response, maxBytes: number, onTooLarge: () => Error): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw onTooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw onTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const mediaType = (response: Response): string =>
  (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

export async function importFromUrl(address: string, options: UrlImportOptions = {}): Promise<UrlImportResult> {
  const { fetch = webFetch(), maxBytes = 50 * MB, timeoutMs = 30_000 } = options;
  const url = parseWebAddress(address);
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf,application/epub+zip,text/plain;q=0.9,*/*;q=0.5' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw failed(say('core.import.web.status', { status: response.status }));
    }
    const finalProtocol = new URL(response.url || url.href).protocol;
    if (finalProtocol !== 'http:' && finalProtocol !== 'https:') throw failed(say('core.import.web.redirectRefused'));
    bytes = await boundedBody(response, maxBytes, () => tooLarge(maxBytes));
  } catch (error) {
    if (error instanceof QuireError) throw error;
    if (isTimeout(error)) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      throw failed(say('core.import.web.timeout', { seconds }));
    }
    throw failed(say('core.import.web.unreachable'));
  }

  const type = mediaType(response);
  const fileName = DOCUMENT_TYPES[type];
  if (!fileName) {
    throw failed(type === '' ? say('core.import.web.unknownType') : say('core.import.web.fileType', { type }));
  }
  const finalUrl = response.url || url.href;
  if (bytes.length === 0) throw failed(say('core.import.web.empty'));
  if (type !== 'text/html' && type !== 'application/xhtml+xml') {
    const result = await importFile({ fileName, bytes, maxBytes });
    return { ...result, document: { ...result.document, url: result.document.url ?? finalUrl }, bytes, fileName, finalUrl };
  }
  return { ...(await importWebPage(bytes, finalUrl, fetch, options)), bytes, fileName, finalUrl };
}

/**
 * A page is read twice: once to learn which images the article keeps (Readability drops the
 * rest), then, with those downloaded, to point them at their assets. One read costs far less
 * than downloading every picture of the page.
 */
async function importWebPage(
  bytes: Uint8Array,
  pageUrl: string,
  fetch: typeof globalThis.fetch,
  options: UrlImportOptions,
): Promise<ImportResult> {
  const wanted: string[] = [];
  importHtml('page.html', bytes, pageUrl, {
    keepRemoteImage: (src) => {
      if (/^https?:/i.test(src) && !wanted.includes(src)) wanted.push(src);
      return null;
    },
  });
  const assets = new AssetCollector();
  const downloaded = await downloadImages(wanted.slice(0, options.maxImages ?? 100), assets, fetch, options);
  const document = importHtml('page.html', bytes, pageUrl, { assets, keepRemoteImage: (src) => downloaded.get(src) ?? null });
  return { format: 'html', document: withLanguage({ ...document, url: document.url ?? pageUrl }) };
}

async function downloadImages(
  urls: readonly string[],
  assets: AssetCollector,
  fetch: typeof globalThis.fetch,
  { maxImageBytes = 10 * MB, imageTimeoutMs = 15_000 }: UrlImportOptions,
): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const src = urls[next++]!;
      try {
        const response = await fetch(src, { redirect: 'follow', signal: AbortSignal.timeout(imageTimeoutMs) });
        if (!response.ok || !mediaType(response).startsWith('image/')) {
          await response.body?.cancel();
          continue;
        }
        const image = await boundedBody(response, maxImageBytes, () => new Error('image too large'));
        const path = assets.add(image); // checks that the bytes really are an image
        if (path) stored.set(src, path);
      } catch {
        // An image that cannot be had keeps its alt text: the article is still worth reading.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMAGE_CONCURRENCY, urls.length) }, worker));
  return stored;
}
