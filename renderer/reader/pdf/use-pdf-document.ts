/**
 * Opens an article's original PDF for the page view: the bytes come from the article folder
 * (`original.pdf`, served like its images), pdf.js parses them in its worker. A PDF imported
 * before Quire kept originals has none: the view says so instead of failing.
 */
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openOriginalPdf } from './load-pdfjs';

export type PdfDocumentState =
  | { status: 'loading' }
  | { status: 'missing' }
  /** why pdf.js refused it: the view says so in the interface's language */
  | { status: 'error'; reason: 'password-protected' | 'damaged' }
  | { status: 'ready'; pdf: PDFDocumentProxy; firstPage: { width: number; height: number } };

/** Mounted once per article (the reader is keyed by it), so it starts loading and never goes back to it. */
export function usePdfDocument(articleId: string, attempt = 0): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ status: 'loading' });
  useEffect(() => {
    let closed = false;
    let destroy: (() => Promise<void>) | null = null;
    void (async () => {
      try {
        const task = await openOriginalPdf(articleId);
        if (!task) return void (closed || setState({ status: 'missing' }));
        if (closed) return void task.destroy();
        destroy = () => task.destroy();
        const pdf = await task.promise;
        const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
        if (!closed) setState({ status: 'ready', pdf, firstPage: { width: first.width, height: first.height } });
      } catch (error) {
        if (closed) return;
        setState({ status: 'error', reason: error instanceof Error && error.name === 'PasswordException' ? 'password-protected' : 'damaged' });
      }
    })();
    return () => {
      closed = true;
      void destroy?.();
    };
  }, [articleId, attempt]);
  return state;
}
