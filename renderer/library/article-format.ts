/** How article metadata reads in lists and headers. */
import type { ArticleFormat, ArticleMeta } from '../../electron/shared/models';

/** How each format is named in filters (library toolbar, search panel). */
export const FORMAT_LABELS: Readonly<Record<ArticleFormat, string>> = {
  html: 'Web page',
  md: 'Markdown',
  txt: 'Plain text',
  epub: 'EPUB',
  pdf: 'PDF',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const numberFormat = new Intl.NumberFormat();

/** Words per minute for the reading-time estimate. */
export const READING_SPEED = 230;

export function formatDate(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateFormat.format(date);
}

/** The published date when known, else when it was added. */
export function articleDate(article: Pick<ArticleMeta, 'publishedAt' | 'addedAt'>): {
  label: string;
  iso: string;
} | null {
  const published = article.publishedAt ? formatDate(article.publishedAt) : null;
  if (published && article.publishedAt) return { label: `Published ${published}`, iso: article.publishedAt };
  const added = formatDate(article.addedAt);
  return added ? { label: `Added ${added}`, iso: article.addedAt } : null;
}

/**
 * Who wrote it and where it appeared, as a list row shows them: the author when known, and the
 * site for web pages only — an EPUB's `siteName` is its publisher, which a reader does not look
 * for in a list.
 */
export function authorAndSite(article: Pick<ArticleMeta, 'byline' | 'siteName' | 'format'>): {
  author: string | null;
  site: string | null;
} {
  const author = article.byline?.trim() || null;
  const site = article.format === 'html' ? article.siteName?.trim() || null : null;
  return { author, site: site !== null && site === author ? null : site };
}

/** "1 article", "1,234 articles". */
export const articleCountLabel = (n: number): string => (n === 1 ? '1 article' : `${numberFormat.format(n)} articles`);

export function wordCountLabel(words: number): string {
  return words === 1 ? '1 word' : `${numberFormat.format(words)} words`;
}

export function readingTimeLabel(words: number): string {
  const minutes = Math.max(1, Math.round(words / READING_SPEED));
  return `${minutes} min read`;
}

/** "unread", "42 %" or "finished". */
export function progressLabel(article: Pick<ArticleMeta, 'readState' | 'progress'>): string {
  const percent = Math.round(article.progress * 100);
  if (article.readState === 'finished' || percent >= 100) return 'finished';
  if (article.readState === 'unread' && percent === 0) return 'unread';
  return `${percent} %`;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/** "French" for "fr"; the code itself when the name is unknown. */
export function languageName(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
