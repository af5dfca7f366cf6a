/**
 * What `checkLibrary` reports: each problem says where it is (relative to the library, with `/`),
 * what is wrong in a sentence, and the repair that fixes it, if any. Repairs are data so that the
 * check itself never writes (`quire check` without `--repair` changes nothing).
 */
import type { Annotation, ArticleMeta } from '../../../shared/models';
import type { CoreSentence } from '../../../shared/i18n/core-sentences';
import { englishSentence } from '../../../shared/i18n/english-sentence';
import type { FileFault } from './read-checked';

/**
 * Why something goes to quarantine, as the repair line's sentence chooses its words
 * (`{cause, select, …}`): the file at fault and its state where there is one.
 */
export type QuarantineCause =
  | { cause: 'orphanAnnotations' }
  | { cause: 'noText' }
  | { cause: 'emptyOriginal'; file: string }
  | ({ cause: 'unreadable'; file: string } & FileFault);

export type Repair =
  /** a temp file or staging folder of an interrupted write: deleted */
  | { kind: 'remove-leftover'; path: string }
  /** text.txt missing or not the text of content.html: written again from content.html */
  | { kind: 'rederive-text'; articleId: string; dir: string }
  /** content.html holds what the sanitizer removes: sanitized, text.txt derived again, passages re-anchored */
  | { kind: 'sanitize-content'; articleId: string; dir: string }
  /** content.html missing but text.txt there: plain paragraphs from text.txt (offsets kept) */
  | { kind: 'rebuild-content'; articleId: string; dir: string }
  /** an article moved aside by a replacement a crash interrupted: put back, or dropped if replaced */
  | { kind: 'recover-swap'; articlesDir: string; restores: boolean }
  /** quire-library.json unreadable: kept as `.broken-<time>` beside a fresh one */
  | { kind: 'replace-manifest'; path: string }
  /** article.json's title or tags hold characters the label rules remove: cleaned (under the article's lock) */
  | { kind: 'clean-labels'; articleId: string; dir: string }
  /** a bookmark or note whose dates are not ISO 8601 (an older Quire took any string): set to the time of the repair */
  | { kind: 'date-annotation'; path: string }
  /** unreadable: moved to `quarantine/` with a README saying why (`reason`, English) */
  | { kind: 'quarantine'; path: string; reason: string; why: QuarantineCause }
  /** a synchronizer's conflict copy: merged into the file it is a copy of (sync/resolve-conflicts.ts), then removed */
  | { kind: 'merge-conflict-copy'; articleId: string; articleDir: string; copy: string; original: string }
  /** the part of an article a deletion on one machine and an edit on another split off: joined to its whole twin (sync/join-split-article.ts) */
  | { kind: 'join-split-article'; part: string; whole: string }
  /** the search index disagrees with the files: the library re-indexes these articles */
  | { kind: 'reindex'; articleIds: string[] };

/** Where the search index's problems are (`quire check` prints it before each). */
export const INDEX_WHERE = 'search index';

export interface CheckProblem {
  /** e.g. `articles/<id>/text.txt` */
  where: string;
  /** what is wrong, in English (made from `sentence`): what `quire check` and the log print */
  message: string;
  /** the same as a catalog sentence, for the interface language */
  sentence: CoreSentence;
  repair: Repair | null;
}

/** A problem whose English is its sentence's (one source for both). */
export const problemAt = (where: string, sentence: CoreSentence, repair: Repair | null): CheckProblem => ({
  where,
  message: englishSentence(sentence),
  sentence,
  repair,
});

/** A readable article as the library (and the search index) sees it. */
export interface CheckedArticle {
  meta: ArticleMeta;
  annotations: Annotation[];
}

export interface CheckReport {
  problems: CheckProblem[];
  /** readable articles (trash excluded) */
  articles: number;
  annotations: number;
  trashed: number;
  /** incomplete article folders a synchronizer is still writing (sync/arriving.ts): left alone, not problems */
  arriving: string[];
}
