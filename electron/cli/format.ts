/** Human-readable output of the CLI (the `--json` forms are in the commands themselves). */
import path from 'node:path';
import type {
  Annotation,
  AnnotationImportSummary,
  ArticleMeta,
  ImportOutcome,
  ReplaceTextOutcome,
  SearchHit,
} from '../shared/models';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** A search snippet (escaped HTML with `<mark>`) as terminal text; marks become bold or [brackets]. */
export function snippetToText(snippet: string, useColor: boolean): string {
  const marked = snippet.replace(/<mark>([\s\S]*?)<\/mark>/g, (_match, word: string) =>
    useColor ? `\u001b[1m${word}\u001b[22m` : `[${word}]`,
  );
  return marked.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function importLine(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'imported':
      return `imported  ${outcome.article.id}  ${outcome.article.title}${outcome.note ? `\n  note: ${outcome.note}` : ''}`;
    case 'duplicate':
      return `duplicate ${outcome.article.id}  ${outcome.article.title} (already in library)`;
    case 'failed':
      return `failed    ${outcome.source}: ${outcome.reason}`;
    case 'skipped':
      return `skipped   ${outcome.source}: ${outcome.reason}`;
  }
}

/** "8 .png, 3 .css": what a folder held besides documents, most frequent first. */
export function skippedByExtension(outcomes: readonly ImportOutcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.status !== 'skipped') continue;
    const extension = path.extname(outcome.source).toLowerCase() || 'no extension';
    counts.set(extension, (counts.get(extension) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([extension, count]) => `${count} ${extension}`)
    .join(', ');
}

/**
 * The last line of a multi-file import: "12 imported, 3 already in library, 1 failed", and the
 * files of the folders that are not documents, which are not listed one by one.
 */
export function importSummaryLine(outcomes: readonly ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']): number => outcomes.filter((o) => o.status === status).length;
  const line = `${count('imported')} imported, ${count('duplicate')} already in library, ${count('failed')} failed`;
  const skipped = count('skipped');
  return skipped === 0 ? line : `${line}; ${skipped} other ${skipped === 1 ? 'file' : 'files'} skipped, not documents (${skippedByExtension(outcomes)})`;
}

export function articleLine(article: ArticleMeta): string {
  const about = [article.byline, article.siteName, `${article.wordCount} words`].filter(Boolean).join(', ');
  return `${article.id}  ${article.title}  (${about})`;
}

export function articleDetails(article: ArticleMeta): string {
  const lines = [article.title];
  const by = [article.byline, article.siteName].filter(Boolean).join(' · ');
  if (by) lines.push(by);
  lines.push('');
  lines.push(`id:       ${article.id}`);
  if (article.url) lines.push(`url:      ${article.url}`);
  if (article.source && article.source !== article.url) lines.push(`source:   ${article.source}`);
  lines.push(`format:   ${article.format}${article.lang ? `, ${article.lang}` : ''}${article.dir === 'rtl' ? ', right to left' : ''}`);
  lines.push(`added:    ${article.addedAt}`);
  if (article.publishedAt) lines.push(`published: ${article.publishedAt}`);
  lines.push(`words:    ${article.wordCount}`);
  lines.push(`reading:  ${article.readState} (${Math.round(article.progress * 100)}%)`);
  if (article.tags.length > 0) lines.push(`tags:     ${article.tags.join(', ')}`);
  if (article.excerpt) lines.push('', article.excerpt);
  return lines.join('\n');
}

export function searchHitLines(hit: SearchHit, useColor: boolean): string {
  return `${hit.score.toFixed(2).padStart(6)}  ${hit.kind.padEnd(8)}  ${hit.articleId}  ${hit.title}\n        ${snippetToText(hit.snippet, useColor)}`;
}

const shorten = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function annotationLines(annotation: Annotation): string {
  const head = [annotation.id, annotation.kind.padEnd(8)];
  if (annotation.color) head.push(annotation.color);
  head.push(annotation.target ? `"${shorten(annotation.target.quote.exact)}"` : '(whole article)');
  if (annotation.target && annotation.anchorState !== 'exact') head.push(`(${annotation.anchorState})`);
  const lines = [head.join('  ')];
  if (annotation.note.trim() !== '') {
    for (const line of annotation.note.trim().split(/\r?\n/)) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}

export const quoteExcerpt = (annotation: Annotation): string =>
  annotation.target ? `"${shorten(annotation.target.quote.exact, 60)}"` : '(whole article)';

/** What `import --replace` did: the article, then how its passages were placed in the new text. */
export function replaceLines({ article, anchors }: ReplaceTextOutcome): string {
  const lines = [
    `replaced  ${article.id}  ${article.title}`,
    `passages: ${anchors.exact} placed exactly, ${anchors.fuzzy} placed fuzzily, ${anchors.unplaced} not placed`,
  ];
  if (anchors.unplaced > 0) {
    lines.push(`          (kept as unplaced with their quote and note: quire annotations ${article.id})`);
  }
  return lines.join('\n');
}

export function annotationImportLine(file: string, summary: AnnotationImportSummary): string {
  return `imported  ${file}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped`;
}
