/**
 * pdf.js for the page view, loaded on first use (its display layer is some 400 KB the rest of the
 * app never needs). Its two workers are files of the app itself, served from 'self' like the
 * page's scripts (no CDN): one parses the file, the other draws pages on an OffscreenCanvas, so
 * neither a long PDF nor a heavy page blocks the page's thread.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import rendererUrl from 'pdfjs-dist/build/pdf.renderer.min.mjs?url';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { assetUrl } from '../../api/api-client';

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    pdfjs.GlobalWorkerOptions.rendererSrc = rendererUrl;
    return pdfjs;
  });
  return loading;
}

/** Where an article keeps the PDF it was made from (served like its images). */
export const ORIGINAL_PDF = 'original.pdf';

/**
 * The article's original PDF, fetched and handed to pdf.js (parsed in its worker); null when the
 * article has none (a PDF imported before Quire kept originals). The page view and the library's
 * first-page covers both open it so.
 */
export async function openOriginalPdf(articleId: string): Promise<PDFDocumentLoadingTask | null> {
  const response = await fetch(assetUrl(articleId, ORIGINAL_PDF));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`the file could not be read (${response.status})`);
  const data = new Uint8Array(await response.arrayBuffer());
  const pdfjs = await loadPdfJs();
  // No XFA forms, and no WebAssembly decoders (the page's CSP allows no wasm compilation).
  return pdfjs.getDocument({ data, enableXfa: false, useWasm: false });
}
