/**
 * The closing sentence of `quire import-library`: what was added, and what differs from the archive
 * and was kept as it is here (with how to take the archive's instead) or replaced. A person reads
 * this to decide, so the kept items are always counted here and named one per line above it.
 */
import type { ArchiveImportReport } from '../core/backup/import-archive';
import { count } from './count';

const ANNOTATIONS: [string, string] = ['bookmark or note', 'bookmarks and notes'];

/** "2 bookmarks and notes and the details of 1 article", leaving out what is zero. */
function differing(annotations: number, articles: number): string {
  const parts = [];
  if (annotations > 0) parts.push(count(annotations, ...ANNOTATIONS));
  if (articles > 0) parts.push(`the details of ${count(articles, 'article', 'articles')}`);
  return parts.join(' and ');
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function importLibrarySummary(report: ArchiveImportReport, { dryRun }: { dryRun: boolean }): string {
  const sentences = [`${dryRun ? 'Would add' : 'Added'} ${count(report.articlesAdded, 'article', 'articles')} and ${count(report.annotationsAdded, ...ANNOTATIONS)}.`];
  const kept = report.annotationsKept + report.articlesKept;
  if (kept > 0) {
    // "1 bookmark or note differs … as it is"; "the details of 1 article differ … as they are".
    const one = report.annotationsKept === 1 && report.articlesKept === 0;
    const what = capitalized(differing(report.annotationsKept, report.articlesKept));
    sentences.push(`${what} ${one ? 'differs' : 'differ'} from the archive and ${dryRun ? 'would be' : 'were'} kept as ${one ? 'it is' : 'they are'} here; run again with --prefer-archive to take the archive's versions.`);
  }
  const replaced = report.annotationsReplaced + report.articlesReplaced;
  if (replaced > 0) {
    sentences.push(`${dryRun ? 'Would replace' : 'Replaced'} ${differing(report.annotationsReplaced, report.articlesReplaced)} with the archive's versions (--prefer-archive).`);
  }
  if (dryRun) sentences.push('Nothing was changed (dry run).');
  return sentences.join(' ');
}
