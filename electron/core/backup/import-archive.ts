/**
 * Restores a Quire archive (a backup or a whole-library export) into the library without losing
 * anything here unasked: nothing local is deleted or overwritten. An article already in the library
 * keeps its files; bookmarks and notes the archive has and this library lacks are added; an article
 * only in the archive is added whole (when the archive has its text). Where a bookmark, note or an
 * article's title, tags or reading state differ (archive-differences.ts), the version here is kept
 * and the report names each one, whichever is newer: only `preferArchive`, which the person asks
 * for after reading that report, takes the archive's. A file here that cannot be read is never
 * overwritten (`quire check --repair` keeps it in quarantine first). With `dryRun` the same report
 * is made and nothing is written.
 */
import { access } from 'node:fs/promises';
import type { Annotation, ArticleMeta } from '../../shared/models';
import { withCleanLabels } from '../library/clean-labels';
import { hasIsoDates } from '../library/iso-dates';
import { reanchorAnnotation } from '../annotations/reanchor';
import type { AnnotationStore } from '../annotations/annotation-store';
import { namesIn } from '../fs/names-in';
import type { ArticleStore } from '../library/article-store';
import { annotationSchema, articleMetaSchema } from '../library/file-schemas';
import { textOfContent } from '../library/check/derive-text';
import { articleFiles } from '../library/library-paths';
import { contentHashOf, countWords } from '../library/import-into-library';
import { annotationDifferences, articleDifferences, listed, withArchivedDetails } from './archive-differences';
import type { ArchiveEntry, LibraryArchive } from './zip-read';
import type * as z from '../../shared/zod';

export interface ArchiveImportReport {
  /** what was (or, in a dry run, would be) done, one line each */
  lines: string[];
  articlesAdded: number;
  annotationsAdded: number;
  /** bookmarks and notes here that differ from the archive's copy and were kept as they are */
  annotationsKept: number;
  /** articles here whose title, tags or reading state differ from the archive's, kept as they are */
  articlesKept: number;
  /** bookmarks and notes replaced by the archive's copy (`preferArchive` only) */
  annotationsReplaced: number;
  /** articles that took the archive's title, tags and reading state (`preferArchive` only) */
  articlesReplaced: number;
  /** entries or articles left out, with why */
  skipped: string[];
}

export interface ArchiveImportOptions {
  /** report only; write nothing */
  dryRun: boolean;
  /** where this library and the archive differ, take the archive's version (else the one here stays) */
  preferArchive: boolean;
}

export interface ArchiveImportTarget {
  store: ArticleStore;
  annotations: AnnotationStore;
  /** the article changed: re-index it */
  refresh(articleId: string): void;
  /** whether an article with this id is in the trash (it is not replaced by an import) */
  inTrash(articleId: string): boolean;
  /** now, ISO 8601: when an article takes the archive's details */
  clock(): string;
}

/** A report of nothing done yet. */
export function emptyImportReport(): ArchiveImportReport {
  return {
    lines: [],
    articlesAdded: 0,
    annotationsAdded: 0,
    annotationsKept: 0,
    articlesKept: 0,
    annotationsReplaced: 0,
    articlesReplaced: 0,
    skipped: [],
  };
}

export async function importArchive(archive: LibraryArchive, target: ArchiveImportTarget, options: ArchiveImportOptions): Promise<ArchiveImportReport> {
  const report: ArchiveImportReport = { ...emptyImportReport(), skipped: archive.refused.map((r) => `refused entry ${r}`) };
  await archive.manifest(); // refuses anything that is not a Quire archive before touching the library
  const byArticle = new Map<string, ArchiveEntry[]>();
  for (const entry of archive.entries) byArticle.set(entry.articleId, [...(byArticle.get(entry.articleId) ?? []), entry]);
  for (const [id, entries] of byArticle) {
    try {
      await importArticle(archive, target, id, entries, options, report);
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
  options: ArchiveImportOptions,
  report: ArchiveImportReport,
): Promise<void> {
  const { dryRun } = options;
  const find = (file: ArchiveEntry['file']) => entries.find((e) => e.file === file);
  const incoming = await readAnnotations(archive, id, entries, report);
  const metaEntry = find('meta');
  const meta = metaEntry ? withCleanLabels(await readJson(archive, metaEntry, articleMetaSchema)) : null;
  // The same article here, by id, or by its text under another id (another machine's import).
  const local = target.store.get(id) ?? (meta ? target.store.findByContentHash(meta.contentHash) : undefined);
  if (local) {
    const firstLine = report.lines.length;
    if (meta) await mergeDetails(target, local, meta, options, report);
    await mergeAnnotations(target, local, incoming.map((a) => ({ ...a, articleId: local.id })), options, report);
    // Said only when something about it follows: a repeated import stays silent.
    if (local.id !== id && report.lines.length > firstLine) {
      report.lines.splice(firstLine, 0, `same text   article ${id} is ${local.id} here (${local.title}): what the archive has for it merges into it`);
    }
    return;
  }
  if (target.inTrash(id)) {
    report.skipped.push(`article ${id}: it is in the trash here; restore it first, then import again`);
    return;
  }
  if (await exists(target.store.articleDir(id))) {
    // A folder the library could not read as an article (a check would quarantine it): never written over.
    report.skipped.push(`article ${id}: its folder here cannot be read as an article; run quire check --repair, then import again`);
    return;
  }
  const archivedHtml = await readText(archive, find('content'));
  const archivedText = await readText(archive, find('text'));
  if (meta === null || archivedHtml === null || archivedText === null) {
    report.skipped.push(`article ${id}: not in this library, and the archive does not hold its text (a backup holds metadata and annotations only)`);
    return;
  }
  // A restore is an import: the archive's HTML goes through the importers' sanitizer, and the
  // library's invariant (text.txt is the text of content.html) holds whatever the archive says.
  const assetEntries = entries.filter((e) => e.file === 'asset');
  const assetPaths = new Set(assetEntries.map((e) => e.detail));
  const { sanitizeStoredContent } = await import('../importers/stored-content');
  const content = sanitizeStoredContent(archivedHtml, (asset) => assetPaths.has(asset));
  const { html, text } = content;
  const contentHash = contentHashOf(text);
  const sameText = target.store.findByContentHash(contentHash);
  if (sameText) {
    report.skipped.push(`article ${id}: its text is already in this library as ${sameText.id} (${sameText.title})`);
    return;
  }
  report.lines.push(`${dryRun ? 'would add' : 'added'}   article ${id}  ${meta.title}${incoming.length > 0 ? ` (with ${incoming.length} bookmarks/notes)` : ''}`);
  if (content.changed) {
    report.lines.push(`${dryRun ? 'would sanitize' : 'sanitized'} article ${id}: its content.html held markup Quire never stores (scripts, event handlers, frames, forms or the like), removed as on any import`);
  } else if (textOfContent(archivedHtml) !== archivedText) {
    report.lines.push(`${dryRun ? 'would derive' : 'derived'} the text of article ${id} again: its text.txt was not the text of its content.html`);
  }
  report.articlesAdded += 1;
  report.annotationsAdded += incoming.length;
  if (dryRun) return;
  const original = find('original');
  const assets = [];
  for (const entry of assetEntries) {
    const bytes = await archive.read(entry.name, entry.maxBytes);
    if (bytes) assets.push({ path: entry.detail!, bytes });
  }
  const originalBytes = original ? await archive.read(original.name, original.maxBytes) : null;
  await target.store.add({
    // What the text decides is computed from the text, never taken from the archive.
    meta: { ...meta, id, contentHash, wordCount: countWords(text) },
    html,
    text,
    original: original && originalBytes ? { ext: original.detail!.slice('original.'.length), bytes: originalBytes } : null,
    assets,
  });
  for (const annotation of incoming) await target.annotations.save(reanchorAnnotation(text, annotation));
  target.refresh(id);
}

/** An article here whose title, tags or reading state differ from the archive's: kept, or (preferArchive) replaced. */
async function mergeDetails(target: ArchiveImportTarget, local: ArticleMeta, archived: ArticleMeta, { dryRun, preferArchive }: ArchiveImportOptions, report: ArchiveImportReport): Promise<void> {
  const differences = articleDifferences(local, archived);
  if (differences.length === 0) return;
  const what = listed(differences);
  if (!preferArchive) {
    report.lines.push(`${dryRun ? 'would keep' : 'kept'}   article ${local.id} (${local.title}) as it is here; the archive's copy differs in its ${what}`);
    report.articlesKept += 1;
    return;
  }
  report.lines.push(`${dryRun ? 'would replace' : 'replaced'} the ${what} of article ${local.id} (${local.title}) with the archive's`);
  report.articlesReplaced += 1;
  if (dryRun) return;
  await target.store.update(local.id, (onDisk) => withArchivedDetails(onDisk, archived, target.clock()));
  target.refresh(local.id);
}

/**
 * Adds what is missing here. A bookmark or note here that differs from the archive's copy is kept
 * and reported, whichever is newer; `preferArchive` replaces it. One whose file here cannot be read
 * is always kept: its bytes may still be worth saving.
 */
async function mergeAnnotations(
  target: ArchiveImportTarget,
  article: ArticleMeta,
  incoming: readonly Annotation[],
  { dryRun, preferArchive }: ArchiveImportOptions,
  report: ArchiveImportReport,
): Promise<void> {
  if (incoming.length === 0) return;
  const localById = new Map((await target.annotations.list(article.id)).map((a) => [a.id, a]));
  const filesHere = new Set(await namesIn(articleFiles(target.store.articleDir(article.id)).annotationsDir));
  const of = `of ${article.id} (${article.title})`;
  const toWrite: Annotation[] = [];
  for (const annotation of incoming) {
    const mine = localById.get(annotation.id);
    if (!mine && filesHere.has(`${annotation.id}.json`)) {
      report.lines.push(`${dryRun ? 'would keep' : 'kept'}   annotation ${annotation.id} ${of} as it is here; its file here cannot be read: run quire check --repair, then import again`);
      report.annotationsKept += 1;
      continue;
    }
    if (!mine) {
      report.lines.push(`${dryRun ? 'would add' : 'added'}   annotation ${annotation.id} to ${article.id}  ${article.title}`);
      report.annotationsAdded += 1;
      toWrite.push(annotation);
      continue;
    }
    const differences = annotationDifferences(mine, annotation);
    if (differences.length === 0) continue; // the same bookmark or note: nothing to do
    const dates = `(here ${mine.updatedAt}, archive ${annotation.updatedAt})`;
    if (!preferArchive) {
      report.lines.push(`${dryRun ? 'would keep' : 'kept'}   ${mine.kind} ${annotation.id} ${of} as it is here; the archive's copy differs in its ${listed(differences)} ${dates}`);
      report.annotationsKept += 1;
      continue;
    }
    report.lines.push(`${dryRun ? 'would replace' : 'replaced'} ${mine.kind} ${annotation.id} ${of} with the archive's: its ${listed(differences)} ${dates}`);
    report.annotationsReplaced += 1;
    toWrite.push(annotation);
  }
  if (dryRun || toWrite.length === 0) return;
  // The text here may differ from the one the archive's passages were taken in: place them again.
  const text = await target.store.readText(article.id);
  for (const annotation of toWrite) await target.annotations.save(reanchorAnnotation(text, annotation));
  target.refresh(article.id);
}


async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function readAnnotations(archive: LibraryArchive, articleId: string, entries: readonly ArchiveEntry[], report: ArchiveImportReport): Promise<Annotation[]> {
  const found: Annotation[] = [];
  for (const entry of entries.filter((e) => e.file === 'annotation')) {
    const read = await readJson(archive, entry, annotationSchema).catch(() => null);
    const annotation = read !== null && hasIsoDates(read) ? read : null;
    if (annotation === null) report.skipped.push(`${entry.name}: not a valid bookmark or note`);
    // Its place in the archive is its identity, as in the library.
    else found.push({ ...annotation, id: entry.detail!, articleId });
  }
  return found;
}

async function readJson<T>(archive: LibraryArchive, entry: ArchiveEntry, schema: z.ZodMiniType<T>): Promise<T> {
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
