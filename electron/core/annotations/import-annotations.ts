/**
 * Restores bookmarks and notes from a W3C Web Annotation export into the library. Each one goes
 * back to its article with its id, colour, note and dates; its passage is checked against the
 * article's current text and re-anchored if the text changed since the export. An annotation
 * already in the library is replaced only by a newer copy, so importing twice changes nothing.
 */
import type { Annotation, AnnotationImportSummary } from '../../shared/models';
import { isQuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { englishSentence } from '../../shared/i18n/english-sentence';
import { annotationsFromW3c } from '../export/w3c-import';
import type { ArticleStore } from '../library/article-store';
import type { AnnotationStore } from './annotation-store';
import { reanchorAnnotation } from './reanchor';

export interface AnnotationImportResult {
  summary: AnnotationImportSummary;
  /** articles whose annotations changed (their search entries need refreshing) */
  changedArticles: string[];
}

/** Unchanged text keeps the passage exactly as exported (a fuzzy placement stays fuzzy). */
function placedIn(text: string, annotation: Annotation): Annotation {
  const target = annotation.target;
  if (!target) return annotation;
  const { start, end } = target.position;
  if (annotation.anchorState !== 'unplaced' && text.slice(start, end) === target.quote.exact) return annotation;
  return reanchorAnnotation(text, annotation);
}

const sameContent = (a: Annotation, b: Annotation): boolean => JSON.stringify(a) === JSON.stringify(b);

async function existing(annotations: AnnotationStore, annotation: Annotation): Promise<Annotation | null> {
  try {
    return await annotations.get(annotation.articleId, annotation.id);
  } catch (error) {
    if (isQuireError(error) && error.code === 'not-found') return null;
    throw error;
  }
}

export async function importAnnotations(
  parts: { store: ArticleStore; annotations: AnnotationStore },
  json: string,
): Promise<AnnotationImportResult> {
  const { annotations: read, skipped } = annotationsFromW3c(json);
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const changed = new Set<string>();
  const texts = new Map<string, string>();
  for (const incoming of read) {
    const article = parts.store.get(incoming.articleId);
    if (!article) {
      skipped.push(say('core.annotations.articleMissing', { id: incoming.id, article: incoming.articleId }));
      continue;
    }
    let text = texts.get(article.id);
    if (text === undefined) {
      text = await parts.store.readText(article.id);
      texts.set(article.id, text);
    }
    const annotation = placedIn(text, incoming);
    const current = await existing(parts.annotations, annotation);
    if (current && (sameContent(current, annotation) || current.updatedAt >= annotation.updatedAt)) {
      counts.unchanged += 1;
      continue;
    }
    await parts.annotations.save(annotation);
    changed.add(article.id);
    if (current) counts.updated += 1;
    else counts.added += 1;
  }
  const summary: AnnotationImportSummary = { ...counts, skipped: skipped.map(englishSentence), skippedSentences: skipped };
  return { summary, changedArticles: [...changed] };
}
