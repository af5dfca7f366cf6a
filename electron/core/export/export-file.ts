/** An article's bookmarks and notes as a named file (a download in the UI, a file in `export --all`). */
import type { Annotation, AnnotationExportFormat, ArticleMeta, ExportedFile } from '../../shared/models';
import { annotationsToMarkdown } from './markdown';
import { annotationsToW3c } from './w3c';

const MAX_TITLE_IN_NAME = 60;

/** The whole words of `text` that fit in `max` characters, without trailing dots or spaces. */
function wordsWithin(text: string, max: number): string {
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut.slice(0, max)).replace(/[ .,;]+$/, '');
}

/**
 * `<title>-<id>.md` / `.json`: readable in a file manager or an Obsidian vault, unique by the id,
 * and safe on every file system (no separators, reserved or control characters).
 */
export function exportFileName(article: ArticleMeta, format: AnnotationExportFormat): string {
  const title = article.title
    .normalize('NFC')
    .replace(/[\p{Cc}<>:"/\\|?*#^[\]]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = title.length <= MAX_TITLE_IN_NAME ? title : wordsWithin(title, MAX_TITLE_IN_NAME);
  const stem = short === '' ? article.id : `${short} - ${article.id}`;
  return `${stem}${format === 'markdown' ? '.md' : '.json'}`;
}

export function exportAnnotationsFile(
  article: ArticleMeta,
  annotations: readonly Annotation[],
  format: AnnotationExportFormat,
): ExportedFile {
  return format === 'markdown'
    ? { fileName: exportFileName(article, format), mediaType: 'text/markdown', text: annotationsToMarkdown(article, annotations) }
    : {
        fileName: exportFileName(article, format),
        mediaType: 'application/ld+json',
        text: `${JSON.stringify(annotationsToW3c(article, annotations), null, 2)}\n`,
      };
}
