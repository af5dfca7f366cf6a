/**
 * pdf.js for the page view, loaded on first use (its display layer is some 400 KB the rest of the
 * app never needs). Its two workers are files of the app itself, served from 'self' like the
 * page's scripts (no CDN): one parses the file, the other draws pages on an OffscreenCanvas, so
 * neither a long PDF nor a heavy page blocks the page's thread.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import rendererUrl from 'pdfjs-dist/build/pdf.renderer.min.mjs?url';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

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
