/**
 * What a whole query found, for the count line: articles and passages past the page returned.
 * Candidates whose text was read (the hits shown and the pages before them) count every place
 * their text matches. The others are counted from the postings alone, without reading a file: an
 * article with at most one matched word in its text has exactly one place, one with more has at
 * least one (then the passage total is a lower bound and says so). With a quoted phrase, only
 * candidates whose phrase was checked count: the rest may not hold it.
 */
import type { SearchTotals } from '../../shared/models';
import { fieldMatchCount, type Candidate } from './run-query';
import type { StoredDoc } from './segment-store';

/** A query that looks for nothing found nothing. */
export const NO_TOTALS: SearchTotals = { articles: 0, passages: 0, bookmarks: 0, notes: 0, articlesExact: true, passagesExact: true };

export class ResultTally {
  private readonly articles = new Set<string>();
  /** candidates counted or rejected already (by key) */
  private readonly counted = new Set<string>();
  private passages = 0;
  private bookmarks = 0;
  private notes = 0;
  private articlesExact = true;
  private passagesExact = true;

  /** A candidate that turned out not to match (its quoted phrase is not in its text). */
  reject(key: string): void {
    this.counted.add(key);
  }

  /** A confirmed candidate whose places are known (its text was read). */
  add(key: string, doc: StoredDoc, places: number): void {
    this.counted.add(key);
    this.articles.add(doc.articleId);
    this.passages += places;
    if (doc.kind === 'bookmark') this.bookmarks += 1;
    else if (doc.kind === 'note') this.notes += 1;
  }

  /**
   * The totals once the shown page is built: every candidate not counted yet is counted from its
   * postings. `checked`: whether every candidate is known to match (false with a quoted phrase:
   * a candidate not looked at then counts toward nothing, and the totals are lower bounds).
   */
  totals(
    candidates: readonly Candidate[],
    docOf: (key: string) => StoredDoc | undefined,
    checked: boolean,
  ): SearchTotals {
    for (const candidate of candidates) {
      if (this.counted.has(candidate.ref)) continue;
      const doc = docOf(candidate.ref);
      if (doc === undefined) continue;
      if (!checked) {
        this.articlesExact = false;
        this.passagesExact = false;
        break;
      }
      // Reading the postings only while it can still make the figure exact.
      if (doc.kind === 'article' && this.passagesExact && fieldMatchCount(candidate, 'body') > 1) this.passagesExact = false;
      this.add(candidate.ref, doc, 1);
    }
    return {
      articles: this.articles.size,
      passages: this.passages,
      bookmarks: this.bookmarks,
      notes: this.notes,
      articlesExact: this.articlesExact,
      passagesExact: this.passagesExact,
    };
  }
}
