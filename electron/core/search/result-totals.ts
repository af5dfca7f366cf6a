/**
 * What a whole query found, for the count line: articles and passages past the page returned.
 * Candidates whose text was read (the hits shown and the pages before them) count every place
 * their text matches. The others are counted from the postings alone, without reading a file: an
 * article with at most one matched word in its text has exactly one place, one with more has at
 * least one (then the passage total is a lower bound and says so). With a quoted phrase, only
 * candidates whose phrase was checked count: the rest may not hold it.
 */
import type { SearchTotals } from '../../shared/models';
import type { DocColumns, StoredDoc } from './manifest';
import { fieldMatchCount, type Matches } from './run-query';

export class ResultTally {
  /** article documents counted: an article's own document is one candidate, so they need no set */
  private articleDocs = 0;
  /** the articles of the bookmarks and notes counted */
  private readonly annotated = new Set<string>();
  /** candidates counted already (by row): the page and the pages before it */
  private readonly counted = new Set<number>();
  /** candidates whose quoted phrase is not in their text */
  private readonly rejected = new Set<number>();
  private passages = 0;
  private bookmarks = 0;
  private notes = 0;
  private articlesExact = true;
  private passagesExact = true;

  reject(row: number): void {
    this.rejected.add(row);
  }

  /** A confirmed candidate whose places are known (its text was read). */
  add(row: number, doc: Pick<StoredDoc, 'kind' | 'articleId'>, places: number): void {
    this.counted.add(row);
    this.count(doc.kind, doc.articleId, places);
  }

  private count(kind: StoredDoc['kind'], articleId: string, places: number): void {
    this.passages += places;
    if (kind === 'article') this.articleDocs += 1;
    else {
      this.annotated.add(articleId);
      if (kind === 'bookmark') this.bookmarks += 1;
      else this.notes += 1;
    }
  }

  /**
   * The totals once the shown page is built: every candidate not counted yet is counted from its
   * postings. `checked`: whether every candidate is known to match (false with a quoted phrase:
   * a candidate not looked at then counts toward nothing, and the totals are lower bounds).
   */
  totals(matches: Matches, columns: Pick<DocColumns, 'kind' | 'articleId'>, checked: boolean): SearchTotals {
    const { kind, articleId } = columns;
    const counts = (row: number): boolean => this.counted.has(row) || (checked && !this.rejected.has(row));
    const anyCounted = this.counted.size > 0 || this.rejected.size > 0;
    for (let i = 0; i < matches.size; i += 1) {
      const row = matches.rows[i]!;
      if (anyCounted && (this.counted.has(row) || this.rejected.has(row))) continue;
      if (!checked) {
        this.articlesExact = false;
        this.passagesExact = false;
        break;
      }
      // Reading the postings only while it can still make the figure exact.
      if (kind[row] === 'article' && this.passagesExact && fieldMatchCount(matches.candidate(i), 'body') > 1) this.passagesExact = false;
      this.count(kind[row]!, articleId[row]!, 1);
    }
    // Distinct articles: the article documents, plus the articles of bookmarks and notes whose
    // own document did not match (looked for only when a bookmark or note did).
    let articles = this.articleDocs + this.annotated.size;
    if (this.annotated.size > 0) {
      for (let i = 0; i < matches.size; i += 1) {
        const row = matches.rows[i]!;
        if (counts(row) && kind[row] === 'article' && this.annotated.has(articleId[row]!)) articles -= 1;
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
