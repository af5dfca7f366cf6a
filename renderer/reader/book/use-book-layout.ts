/**
 * How the open book is laid out: a fixed-layout book as its pages or as its text (remembered per
 * article, like a PDF's view), and the lines vertical or horizontal (the book's own way unless the
 * reader chose the other for this book, as Thorium lets one do; remembered per article on this
 * device, a way of looking at one book rather than a setting of the app).
 */
import { useCallback, useState } from 'react';
import type { ArticleMeta } from '../../../electron/shared/models';
import { usePdfViewMode } from '../pdf/use-pdf-view-mode';
import { effectiveWritingMode, WRITING_MODE_CHOICES, type WritingModeChoice } from './vertical';

/** Languages written vertically too: their books get the choice even when set horizontally. */
const VERTICAL_LANGUAGES = new Set(['ja', 'zh', 'ko']);

const choiceKey = (articleId: string): string => `quire.writing-mode.${articleId}`;

function rememberedChoice(articleId: string): WritingModeChoice {
  try {
    const stored = window.localStorage.getItem(choiceKey(articleId));
    return WRITING_MODE_CHOICES.find((choice) => choice === stored) ?? 'book';
  } catch {
    return 'book';
  }
}

export function useBookLayout(article: ArticleMeta) {
  const pagesFile = article.format === 'epub' && article.fixedLayout ? article.fixedLayout : null;
  const [view, setView] = usePdfViewMode(article.id, pagesFile !== null);
  const [choice, setChoice] = useState<WritingModeChoice>(() => rememberedChoice(article.id));
  const choose = useCallback(
    (next: WritingModeChoice) => {
      setChoice(next);
      try {
        window.localStorage.setItem(choiceKey(article.id), next);
      } catch {
        // Storage full or refused: the choice holds until the book is closed.
      }
    },
    [article.id],
  );
  const baseLang = article.lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    /** `assets/<name>.json` of a fixed-layout book, else null */
    pagesFile,
    showPages: pagesFile !== null && view === 'page',
    view,
    setView,
    writingMode: effectiveWritingMode(article.writingMode, choice),
    /** whether the reader is offered vertical and horizontal lines */
    offersWritingMode: pagesFile === null && (article.writingMode !== undefined || VERTICAL_LANGUAGES.has(baseLang)),
    chooseWritingMode: choose,
  };
}

export type BookLayout = ReturnType<typeof useBookLayout>;
