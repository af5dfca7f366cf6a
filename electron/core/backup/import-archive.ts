/**
 * Restores a Quire archive (a backup or a whole-library export) into the library without losing
 * anything that exists only here: nothing local is deleted; an article already in the library
 * keeps its files and metadata; annotations merge by id, the newer `updatedAt` winning, and each
 * one replaced is reported; an article only in the archive is added whole (when the archive has
 * its text). With `dryRun` the same report is made and nothing is written.
 */
import type { Annotation, ArticleMeta } from '../../shared/models';
import { reanchorAnnotation } from '../annotations/reanchor';
import type { AnnotationStore } from '../annotations/annotation-store';
import type { ArticleStore } from '../library/article-store';
import { annotationSchema, articleMetaSchema } from '../library/file-schemas';
import { textOfContent } from '../library/check/derive-text';
import type { ArchiveEntry, LibraryArchive } from './zip-read';
import type { z } from 'zod';

export interface ArchiveImportReport {
  /** what was (or, in a dry run, would be) done, one line each */
  lines: string[];
  articlesAdded: number;
  annotationsAdded: number;
  annotationsReplaced: number;
  /** entries or articles left out, with why */
  skipped: string[];
}

export interface ArchiveImportTarget {
  store: ArticleStore;
  annotations: AnnotationStore;
  /** the article changed: re-index it */
  refresh(articleId: string): void;
  /** whether an article with this id is in the trash (it is not replaced by an import) */
  inTrash(articleId: string): boolean;
}

export async function importArchive(archive: LibraryArchive, target: ArchiveImportTarget, dryRun: boolean): Promise<ArchiveImportReport> {
  const report: ArchiveImportReport = { lines: [], articlesAdded: 0, annotationsAdded: 0, annotationsReplaced: 0, skipped: [...archive.refused.map((r) => `refused entry ${r}`)] };
  await archive.manifest(); // refuses anything that is not a Quire archive before touching the library
  const byArticle = new Map<string, ArchiveEntry[]>();
  for (const entry of archive.entries) byArticle.set(entry.articleId, [...(byArticle.get(entry.articleId) ?? []), entry]);
  for (const [id, entries] of byArticle) {
    try {
      await importArticle(archive, target, id, entries, dryRun, report);
    } catch (error) {
      report.skipped.push(`article ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return report;
}

async function importArticle(
  archive: LibraryArchive,
  target: ArchiveImportTarget,
  id: string,
  entries: readonly ArchiveEntry[],
  dryRun: boolean,
  report: ArchiveImportReport,
): Promise<void> {
  const find = (file: ArchiveEntry['file']) => entries.find((e) => e.file === file);
  const incoming = await readAnnotations(archive, id, entries, report);
  const metaEntry = find('meta');
  const meta = metaEntry ? await readJson(archive, metaEntry, articleMetaSchema) : null;
  // The same article here, by id, or by its text under another id (another machine's import).
  const local = target.store.get(id) ?? (meta ? target.store.findByContentHash(meta.contentHash) : undefined);
  if (local) {
    if (local.id !== id && incoming.length > 0) report.lines.push(`same text   article ${id} is ${local.id} here (${local.title}): its bookmarks and notes merge into it`);
    await mergeAnnotations(target, local, incoming.map((a) => ({ ...a, articleId: local.id })), dryRun, report);
    return;
  }
  if (target.inTrash(id)) {
    report.skipped.push(`article ${id}: it is in the trash here; restore it first, then import again`);
    return;
  }
  const html = await readText(archive, find('content'));
  const archivedText = await readText(archive, find('text'));
  // The library's invariant (text.txt is the text of content.html) holds whatever the archive says.
  const text = html === null || archivedText === null ? null : textOfContent(html);
  if (meta === null || html === null || text === null) {
    report.skipped.push(`article ${id}: not in this library, and the archive does not hold its text (a backup holds metadata and annotations only)`);
    return;
  }
  report.lines.push(`${dryRun ? 'would add' : 'added'}   article ${id}  ${meta.title}${incoming.length > 0 ? ` (with ${incoming.length} bookmarks/notes)` : ''}`);
  report.articlesAdded += 1;
  report.annotationsAdded += incoming.length;
  if (dryRun) return;
  const original = find('original');
  const assets = [];
  for (const entry of entries.filter((e) => e.file === 'asset')) {
    const bytes = await archive.read(entry.name, entry.maxBytes);
    if (bytes) assets.push({ path: entry.detail!, bytes });
  }
  const originalBytes = original ? await archive.read(original.name, original.maxBytes) : null;
  await target.store.add({
    meta: { ...meta, id },
    html,
    text,
    original: original && originalBytes ? { ext: original.detail!.slice('original.'.length), bytes: originalBytes } : null,
    assets,
  });
  for (const annotation of incoming) await target.annotations.save(reanchorAnnotation(text, annotation));
  target.refresh(id);
}

/** Adds what is missing here and replaces what the archive has newer; reports every replacement. */
async function mergeAnnotations(
  target: ArchiveImportTarget,
  article: ArticleMeta,
  incoming: readonly Annotation[],
  dryRun: boolean,
  report: ArchiveImportReport,
): Promise<void> {
  if (incoming.length === 0) return;
  const localById = new Map((await target.annotations.list(article.id)).map((a) => [a.id, a]));
  const toWrite: Annotation[] = [];
  for (const annotation of incoming) {
    const mine = localById.get(annotation.id);
    if (mine && mine.updatedAt >= annotation.updatedAt) continue; // the local copy is as new or newer: kept
    if (mine) {
      report.lines.push(`${dryRun ? 'would replace' : 'replaced'} annotation ${annotation.id} of ${article.id} (archive copy of ${annotation.updatedAt} is newer than ${mine.updatedAt})`);
      report.annotationsReplaced += 1;
    } else {
      report.lines.push(`${dryRun ? 'would add' : 'added'}   annotation ${annotation.id} to ${article.id}  ${article.title}`);
      report.annotationsAdded += 1;
    }
    toWrite.push(annotation);
  }
  if (dryRun || toWrite.length === 0) return;
  // The text here may differ from the one the archive's passages were taken in: place them again.
  const text = await target.store.readText(article.id);
  for (const annotation of toWrite) await target.annotations.save(reanchorAnnotation(text, annotation));
  target.refresh(article.id);
}

async function readAnnotations(archive: LibraryArchive, articleId: string, entries: readonly ArchiveEntry[], report: ArchiveImportReport): Promise<Annotation[]> {
  const found: Annotation[] = [];
  for (const entry of entries.filter((e) => e.file === 'annotation')) {
    const annotation = await readJson(archive, entry, annotationSchema).catch(() => null);
    if (annotation === null) report.skipped.push(`${entry.name}: not a valid bookmark or note`);
    // Its place in the archive is its identity, as in the library.
    else found.push({ ...annotation, id: entry.detail!, articleId });
  }
  return found;
}

async function readJson<T>(archive: LibraryArchive, entry: ArchiveEntry, schema: z.ZodType<T>): Promise<T> {
  const bytes = await archive.read(entry.name, entry.maxBytes);
  if (bytes === null) throw new Error(`${entry.name} is missing`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`${entry.name} is not valid JSON`);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new Error(`${entry.name} is not in the expected format`);
  return checked.data;
}

async function readText(archive: LibraryArchive, entry: ArchiveEntry | undefined): Promise<string | null> {
  if (!entry) return null;
  const bytes = await archive.read(entry.name, entry.maxBytes);
  return bytes === null ? null : bytes.toString('utf8');
}
