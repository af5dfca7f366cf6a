/**
 * The whole library's bookmarks and notes as one download ("Export all…" in the Bookmarks and
 * Notes views): Markdown is one file per article (as `quire export --all` writes them), zipped
 * because a page can offer one download at a time; W3C is one collection that `importAnnotations`
 * reads back.
 */
import type { AnnotationExportFormat, LibraryAnnotationsExport } from '../../shared/models';
import type { Annotation, ArticleMeta } from '../../shared/models';
import { exportAnnotationsFile } from './export-file';
import { libraryToW3c } from './w3c';
import { zipInMemory } from './zip-in-memory';

export interface AnnotatedArticle {
  article: ArticleMeta;
  annotations: readonly Annotation[];
}

/** `day` (YYYY-MM-DD) dates the file name, so successive exports do not overwrite each other. */
export async function exportLibraryAnnotationsFile(
  articles: readonly AnnotatedArticle[],
  format: AnnotationExportFormat,
  day: string,
): Promise<LibraryAnnotationsExport> {
  const stem = `Quire bookmarks and notes ${day}`;
  if (format === 'w3c') {
    return { fileName: `${stem}.json`, mediaType: 'application/ld+json', text: `${JSON.stringify(libraryToW3c(articles), null, 2)}\n` };
  }
  const files = articles.map(({ article, annotations }) => exportAnnotationsFile(article, annotations, 'markdown'));
  const zip = await zipInMemory(files.map((file) => ({ name: file.fileName, text: file.text })));
  return { fileName: `${stem}.zip`, mediaType: 'application/zip', dataBase64: zip.toString('base64') };
}
