/**
 * How article metadata reads in lists and headers, in the interface language: dates, numbers and
 * language names through `Intl` with the chosen locale (the formatter react-intl holds), words
 * from the catalogs.
 */
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import type { ArticleFormat, ArticleMeta } from '../../electron/shared/models';

/** How each format is named in filters (library toolbar, search panel). */
const FORMAT_LABELS = {
  html: 'format.html',
  md: 'format.md',
  txt: 'format.txt',
  epub: 'format.epub',
  pdf: 'format.pdf',
} as const satisfies Record<ArticleFormat, MessageId>;

export const formatLabel = (format: ArticleFormat, intl: IntlShape): string => intl.formatMessage({ id: FORMAT_LABELS[format] });

/** Words per minute for the reading-time estimate. */
export const READING_SPEED = 230;

export function formatDate(iso: string, intl: IntlShape): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : intl.formatDate(date, { dateStyle: 'medium' });
}

/** The published date when known, else when it was added. */
export function articleDate(
  article: Pick<ArticleMeta, 'publishedAt' | 'addedAt'>,
  intl: IntlShape,
): {
  label: string;
  iso: string;
} | null {
  const published = article.publishedAt ? formatDate(article.publishedAt, intl) : null;
  if (published && article.publishedAt) {
    return { label: intl.formatMessage({ id: 'article.published' }, { date: published }), iso: article.publishedAt };
  }
  const added = formatDate(article.addedAt, intl);
  return added ? { label: intl.formatMessage({ id: 'article.added' }, { date: added }), iso: article.addedAt } : null;
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

/** "1 article", "1,234 articles" (each language's plural forms). */
export const articleCountLabel = (count: number, intl: IntlShape): string => intl.formatMessage({ id: 'article.count' }, { count });

export const wordCountLabel = (count: number, intl: IntlShape): string => intl.formatMessage({ id: 'article.words' }, { count });

export function readingTimeLabel(words: number, intl: IntlShape): string {
  const minutes = Math.max(1, Math.round(words / READING_SPEED));
  return intl.formatMessage({ id: 'article.readingTime' }, { minutes });
}

/** "unread", "42 %" or "finished". */
export function progressLabel(article: Pick<ArticleMeta, 'readState' | 'progress'>, intl: IntlShape): string {
  const percent = Math.round(article.progress * 100);
  if (article.readState === 'finished' || percent >= 100) return intl.formatMessage({ id: 'article.progress.finished' });
  if (article.readState === 'unread' && percent === 0) return intl.formatMessage({ id: 'article.progress.unread' });
  return intl.formatNumber(article.progress, { style: 'percent' });
}

/** "French" for "fr" (in the interface language); the code itself when the name is unknown. */
export function languageName(code: string, intl: IntlShape): string {
  try {
    return intl.formatDisplayName(code, { type: 'language' }) ?? code;
  } catch {
    return code;
  }
}
