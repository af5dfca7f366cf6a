/**
 * New text for an article already in the library (an updated page or file, a better extraction):
 * the file goes through the normal importer, the article keeps its id, title, tags and reading state, and
 * every passage is re-anchored in the new text. Nothing is dropped: a passage that cannot be
 * placed is kept and marked unplaced.
 *
 * All or nothing: the re-anchored annotations are computed first, then the new folder (new text,
 * HTML, original and images; every annotation, re-anchored; article.json last) is written beside
 * the live one and swapped in (`ArticleStore.replace`), so a crash or a failed write never leaves
 * new text with old anchors.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AnchorCounts, Annotation, ArticleMeta, ReplaceTextOutcome } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { failureError, sentenceError } from '../../shared/i18n/english-sentence';
import { writeFileAtomic } from '../fs/atomic-write';
import { readUserFile } from '../fs/read-user-file';
import { extensionOf, tooLarge } from '../importers/import-formats';
import { failureOfError, type ExtractedArticle } from '../library/import-into-library';
import type { Log } from '../log';
import type { ArticleStore } from '../library/article-store';
import { articleFiles } from '../library/library-paths';
import { articleBodyOf, type ArticleBody, bodyText, bytesAsBuffer, writeContentFiles } from '../library/content-files';
import type { ImportedDocument } from '../importers/imported-document';
import { copyFolder } from '../fs/copy-folder';
import { writeAnnotationFile, type AnnotationStore } from './annotation-store';
import { reanchorAnnotation } from './reanchor';

export interface ReplacementFile {
  fileName: string;
  bytes: Uint8Array;
  filePath: string;
  maxBytes: number;
}

/**
 * The new file from disk, read once (regular files only); a missing, unreadable, special or too
 * large file is one sentence for the user. Called before the change queue is taken, so a slow
 * disk never holds up the library's other changes.
 */
export async function readReplacementFile(filePath: string, maxBytes: number, log: Log): Promise<ReplacementFile> {
  try {
    const bytes = await readUserFile(filePath, { maxBytes, tooLarge: () => tooLarge(maxBytes) });
    return { fileName: filePath, filePath, bytes, maxBytes };
  } catch (error) {
    if (error instanceof QuireError) throw error;
    throw failureError('import-failed', failureOfError(error, filePath, log));
  }
}

export function countAnchors(annotations: readonly Annotation[]): AnchorCounts {
  const counts: AnchorCounts = { exact: 0, fuzzy: 0, unplaced: 0 };
  for (const annotation of annotations) if (annotation.target) counts[annotation.anchorState] += 1;
  return counts;
}

const sameAnchor = (a: Annotation, b: Annotation): boolean =>
  a.anchorState === b.anchorState && JSON.stringify(a.target) === JSON.stringify(b.target);

export async function replaceArticleText(
  parts: { store: ArticleStore; annotations: AnnotationStore; clock: () => string },
  articleId: string,
  file: { fileName: string; bytes: Uint8Array },
  extracted: ExtractedArticle,
): Promise<ReplaceTextOutcome> {
  const { store, annotations, clock } = parts;
  const current = store.require(articleId);
  const { format, document, contentHash, wordCount, cover: newCover } = extracted;
  const other = store.findByContentHash(contentHash);
  if (other && other.id !== articleId) {
    throw sentenceError('invalid-argument', say('core.error.sameText', { title: other.title, id: other.id }));
  }

  const before = await annotations.list(articleId);
  // Decoded here even from a large result's bytes: re-anchoring reads the text, and this is one
  // article the user asked for, not one of an import's thousands.
  const text = bodyText(document);
  const after = before.map((annotation) => reanchorAnnotation(text, annotation));
  const now = clock();
  const moved = after
    .filter((annotation, index) => before[index] && !sameAnchor(before[index], annotation))
    .map((annotation) => ({ ...annotation, updatedAt: now }));
  const textChanged = contentHash !== current.contentHash;

  // The article keeps what the user knows it by (title, byline, tags, reading state, as they are
  // on disk when the new folder is written); what is derived from the text follows the new text.
  const metaFor = ({ cover: oldCover, ...onDisk }: ArticleMeta): ArticleMeta => {
    // New text brings new pictures (their names are generated per import): the cover follows them.
    const cover = textChanged ? newCover : oldCover;
    return {
      ...onDisk,
      ...(cover === undefined ? {} : { cover }),
      lang: onDisk.lang ?? document.lang,
      dir: onDisk.dir ?? document.dir,
      format,
      excerpt: document.excerpt ?? onDisk.excerpt,
      contentHash,
      wordCount,
      position: Math.min(onDisk.position, Math.max(0, text.length - 1)),
      source: path.basename(file.fileName),
      updatedAt: textChanged ? now : onDisk.updatedAt,
    };
  };
  const meta = await store.replace(articleId, metaFor, async (staging, live) => {
    // Everything the new text does not replace is kept: annotations, and files Quire does not know.
    await copyFolder(live, staging, (name) => name === 'article.json' || (textChanged && isTextFile(name)));
    if (textChanged) await writeText(staging, document, extensionOf(file.fileName) || format, file.bytes);
    for (const annotation of moved) await writeAnnotationFile(staging, annotation);
  });
  return { article: meta, anchors: countAnchors(after) };
}

/** What comes from the imported file: the text, the HTML, its images and the original. */
const isTextFile = (name: string): boolean =>
  name === 'content.html' || name === 'text.txt' || name === 'chapters.json' || name === 'assets' || name.startsWith('original.');

async function writeText(
  dir: string,
  document: ArticleBody & Pick<ImportedDocument, 'assets' | 'chapters'>,
  ext: string,
  original: Uint8Array,
): Promise<void> {
  const files = articleFiles(dir);
  // Asset names are generated per import: only the new images belong to the new HTML.
  for (const asset of document.assets) {
    const target = path.join(dir, asset.path);
    if (path.dirname(target) !== files.assetsDir) continue; // the importer names them; never trust a path
    await mkdir(files.assetsDir, { recursive: true });
    await writeFileAtomic(target, bytesAsBuffer(asset.bytes));
  }
  await writeContentFiles(files, { ...articleBodyOf(document), chapters: document.chapters });
  // `original.<ext>` is the file the text came from: the new one, and only it.
  const safeExt = /^[a-z0-9]{1,10}$/.test(ext) ? ext : 'bin';
  await writeFileAtomic(files.original(safeExt), bytesAsBuffer(original));
}
