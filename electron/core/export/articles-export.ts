/**
 * Chosen articles as one download (the library's bulk "Export"): a .zip with one Markdown file per
 * article — its details as front matter, its text, its bookmarks and notes — named as the
 * annotation exports are, so the files sit well in a notes folder or an Obsidian vault.
 */
import type { Annotation, ArticleMeta, ExportedArchive } from '../../shared/models';
import { exportFileName } from './export-file';
import { articleToMarkdown } from './markdown';
import { zipInMemory } from './zip-in-memory';

export interface ArticleToExport {
  article: ArticleMeta;
  text: string;
  annotations: readonly Annotation[];
}

/** `day` (YYYY-MM-DD) dates the file name, so successive exports do not overwrite each other. */
export async function exportArticlesArchive(articles: readonly ArticleToExport[], day: string): Promise<ExportedArchive> {
  const files = articles.map(({ article, text, annotations }) => ({
    name: exportFileName(article, 'markdown'),
    text: articleToMarkdown(article, text, annotations),
  }));
  const zip = await zipInMemory(files);
  const count = articles.length === 1 ? '1 article' : `${articles.length} articles`;
  return { fileName: `Quire ${count} ${day}.zip`, mediaType: 'application/zip', dataBase64: zip.toString('base64') };
}
