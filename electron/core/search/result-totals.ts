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
import type { Candidate, Matches } from './run-query';

export class ResultTally {
  /** article documents counted: an article's own document is one candidate, so they need no set */
  private articleDocs = 0;
  /** the articles of the bookmarks and notes counted */
  private readonly annotated = new Set<string>();
  /** candidates counted already (by row): the page and the pages before it */
  private readonly counted = new Set<number>();
  /** candidates whose quoted phrase is not in their text */
  private readonly rejected = new Set<number>();
  /**
   * The Matches entries of both: the count of the rest runs over every match (most of a
   * 100,000-article library for a common word), and two set lookups per match were a fifth of
   * such a query's time.
   */
  private readonly looked: number[] = [];
  private passages = 0;
  private bookmarks = 0;
  private notes = 0;
  private articlesExact = true;
  private passagesExact = true;

  reject({ row, index }: Pick<Candidate, 'row' | 'index'>): void {
    this.rejected.add(row);
    this.looked.push(index);
  }

  /** A confirmed candidate whose places are known (its text was read). */
  add({ row, index }: Pick<Candidate, 'row' | 'index'>, doc: Pick<StoredDoc, 'kind' | 'articleId'>, places: number): void {
    this.counted.add(row);
    this.looked.push(index);
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
    const looked = new Uint8Array(matches.size);
    for (const index of this.looked) looked[index] = 1;
    for (let i = 0; i < matches.size; i += 1) {
      if (looked[i] === 1) continue;
      const row = matches.rows[i]!;
      if (!checked) {
        this.articlesExact = false;
        this.passagesExact = false;
        break;
      }
      const rowKind = kind[row]!;
      if (rowKind === 'article' && matches.manyInBody[i] === 1) this.passagesExact = false;
      // An article's own id is not needed to count it (reading it was a cache miss per match).
      this.count(rowKind, rowKind === 'article' ? '' : articleId[row]!, 1);
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
