/**
 * Page or Text, for a PDF article: remembered per article on this device (localStorage), since it
 * is a way of looking at one document rather than a setting of the app. A PDF opens on its pages.
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
