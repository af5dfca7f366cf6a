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
  /** article documents counted: an article's own document is one candidate, so they need no set */
  private articleDocs = 0;
  /** the articles of the bookmarks and notes counted */
  private readonly annotated = new Set<string>();
  /** candidates counted already (by key): the page and the pages before it */
  private readonly counted = new Set<string>();
  /** candidates whose quoted phrase is not in their text */
  private readonly rejected = new Set<string>();
  private passages = 0;
  private bookmarks = 0;
  private notes = 0;
  private articlesExact = true;
  private passagesExact = true;

  reject(key: string): void {
    this.rejected.add(key);
  }

  /** A confirmed candidate whose places are known (its text was read). */
  add(key: string, doc: StoredDoc, places: number): void {
    this.counted.add(key);
    this.count(doc, places);
  }

  private count(doc: StoredDoc, places: number): void {
    this.passages += places;
    if (doc.kind === 'article') this.articleDocs += 1;
    else {
      this.annotated.add(doc.articleId);
      if (doc.kind === 'bookmark') this.bookmarks += 1;
      else this.notes += 1;
    }
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
    const counts = (key: string): boolean => this.counted.has(key) || (checked && !this.rejected.has(key));
    for (const candidate of candidates) {
      if (this.counted.has(candidate.ref) || this.rejected.has(candidate.ref)) continue;
      if (!checked) {
        this.articlesExact = false;
        this.passagesExact = false;
        break;
      }
      const doc = docOf(candidate.ref);
      if (doc === undefined) continue;
      // Reading the postings only while it can still make the figure exact.
      if (doc.kind === 'article' && this.passagesExact && fieldMatchCount(candidate, 'body') > 1) this.passagesExact = false;
      this.count(doc, 1);
    }
    // Distinct articles: the article documents, plus the articles of bookmarks and notes whose
    // own document did not match (looked for only when a bookmark or note did).
    let articles = this.articleDocs + this.annotated.size;
    if (this.annotated.size > 0) {
      for (const candidate of candidates) {
        if (!counts(candidate.ref)) continue;
        const doc = docOf(candidate.ref);
        if (doc?.kind === 'article' && this.annotated.has(doc.articleId)) articles -= 1;
      }
    }
    return {
      articles,
      passages: this.passages,
      bookmarks: this.bookmarks,
      notes: this.notes,
      articlesExact: this.articlesExact,
      passagesExact: this.passagesExact,
    };
  }
}
