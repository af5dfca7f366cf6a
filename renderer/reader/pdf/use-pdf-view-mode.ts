/**
 * Page or Text, for a PDF article, and the page last read in the page view: remembered per article
 * on this device (localStorage), since they are a way of looking at one document rather than
 * settings of the app. A PDF opens on its pages.
 */
import { useCallback, useState } from 'react';

export type PdfViewMode = 'page' | 'text';

const storageKey = (articleId: string): string => `quire.pdf-view.${articleId}`;

function remembered(articleId: string): PdfViewMode {
  try {
    return window.localStorage.getItem(storageKey(articleId)) === 'text' ? 'text' : 'page';
  } catch {
    return 'page';
  }
}

/** The view of a PDF article and a way to change it; always 'text' for other formats. */
export function usePdfViewMode(articleId: string, isPdf: boolean): [PdfViewMode, (mode: PdfViewMode) => void] {
  const [mode, setMode] = useState<PdfViewMode>(() => (isPdf ? remembered(articleId) : 'text'));
  const choose = useCallback(
    (next: PdfViewMode) => {
      setMode(next);
      try {
        window.localStorage.setItem(storageKey(articleId), next);
      } catch {
        // Storage full or refused: the choice holds until the article is closed.
      }
    },
    [articleId],
  );
  return [isPdf ? mode : 'text', choose];
}

const pageKey = (articleId: string): string => `quire.pdf-page.${articleId}`;

/** The page a PDF was last read at in the page view (1 when never). */
export function rememberedPage(articleId: string): number {
  try {
    const page = Number.parseInt(window.localStorage.getItem(pageKey(articleId)) ?? '', 10);
    return Number.isInteger(page) && page > 0 ? page : 1;
  } catch {
    return 1;
  }
}

export function rememberPage(articleId: string, page: number): void {
  try {
    window.localStorage.setItem(pageKey(articleId), String(page));
  } catch {
    // Storage full or refused: the PDF opens on its first page next time.
  }
}
