/**
 * The stored fields of every document the index holds, as columns (manifest.ts's DocColumns,
 * adopted as the manifest was parsed): a document is a row number. Opening a 100,000-article index
 * no longer makes an object per document nor puts it in maps: a candidate carries its row (its
 * segment knows it), and an object is made only for the few documents a query shows. The lookups
 * by ref and by article are only needed to change the index, so they are built at the first change.
 */
import { DOC_FIELDS, emptyColumns, type DocColumns, type StoredDoc } from './manifest';

export class DocTable {
  /** rows of documents deleted or replaced since the table was loaded (their row numbers are not reused) */
  private readonly dead = new Set<number>();
  private byRef: Map<string, number> | null = null;
  private byArticle: Map<string, number[]> | null = null;
  /** the folded words of each row's title, made when first needed (rerank.ts) */
  private readonly titleWords: (readonly string[] | undefined)[] = [];

  constructor(readonly columns: DocColumns = emptyColumns()) {}

  /** Rows ever added, dead ones included: row numbers are below this. */
  get rowCount(): number {
    return this.columns.key.length;
  }

  get liveCount(): number {
    return this.rowCount - this.dead.size;
  }

  isLive(row: number): boolean {
    return row < this.rowCount && !this.dead.has(row);
  }

  /** A new row, not yet in any segment (segment -1 until `place`). */
  add(key: string, doc: StoredDoc): number {
    const { columns } = this;
    const row = columns.key.length;
    columns.key.push(key);
    columns.segment.push(-1);
    columns.number.push(0);
    for (const field of DOC_FIELDS) (columns[field] as unknown[]).push(doc[field]);
    this.byRef?.set(doc.ref, row);
    if (this.byArticle !== null) {
      const rows = this.byArticle.get(doc.articleId);
      if (rows === undefined) this.byArticle.set(doc.articleId, [row]);
      else rows.push(row);
    }
    return row;
  }

  /** Where the row's postings are: document `number` of segment `segment`. */
  place(row: number, segment: number, number: number): void {
    this.columns.segment[row] = segment;
    this.columns.number[row] = number;
  }

  remove(row: number): void {
    if (!this.isLive(row)) return;
    this.dead.add(row);
    const { columns } = this;
    const ref = columns.ref[row]!;
    if (this.byRef?.get(ref) === row) this.byRef.delete(ref);
    const rows = this.byArticle?.get(columns.articleId[row]!);
    if (rows !== undefined) {
      const at = rows.indexOf(row);
      if (at !== -1) rows.splice(at, 1);
      if (rows.length === 0) this.byArticle!.delete(columns.articleId[row]!);
    }
    // What a dead row held is not needed again: let the strings go.
    columns.title[row] = '';
    columns.quote[row] = '';
    columns.note[row] = '';
    this.titleWords[row] = undefined;
  }

  /** The live row of a document ref, or undefined. */
  rowOfRef(ref: string): number | undefined {
    return this.refMap().get(ref);
  }

  /** The live rows of an article's documents. */
  rowsOfArticle(articleId: string): readonly number[] {
    return this.articleMap().get(articleId) ?? [];
  }

  /** Builds the lookups by ref and by article now (between requests), not at the first change. */
  prepareLookups(): void {
    this.refMap();
    this.articleMap();
  }

  /** The row as an object: for the few documents a query shows or ranks by their fields. */
  doc(row: number): StoredDoc {
    const c = this.columns;
    return {
      ref: c.ref[row]!,
      articleId: c.articleId[row]!,
      annotationId: c.annotationId[row]!,
      kind: c.kind[row]!,
      title: c.title[row]!,
      byline: c.byline[row]!,
      siteName: c.siteName[row]!,
      tags: c.tags[row]!,
      quote: c.quote[row]!,
      note: c.note[row]!,
      passage: c.passage[row]!,
      lang: c.lang[row]!,
      language: c.language[row]!,
      format: c.format[row]!,
      date: c.date[row]!,
    };
  }

  /** The row's folded title words, made by `make` the first time and kept while the row lives. */
  titleWordsOf(row: number, make: (title: string) => readonly string[]): readonly string[] {
    let words = this.titleWords[row];
    if (words === undefined) this.titleWords[row] = words = make(this.columns.title[row]!);
    return words;
  }

  /** The languages of the live documents. */
  languages(): string[] {
    const found = new Set<string>();
    const { lang } = this.columns;
    for (let row = 0; row < lang.length; row += 1) if (!this.dead.has(row)) found.add(lang[row]!);
    return [...found];
  }

  /** The live rows as columns, for the manifest: the columns themselves when no row died. */
  liveColumns(): DocColumns {
    if (this.dead.size === 0) return this.columns;
    const out = emptyColumns();
    const { columns } = this;
    for (let row = 0; row < this.rowCount; row += 1) {
      if (this.dead.has(row)) continue;
      out.key.push(columns.key[row]!);
      out.segment.push(columns.segment[row]!);
      out.number.push(columns.number[row]!);
      for (const field of DOC_FIELDS) (out[field] as unknown[]).push(columns[field][row]);
    }
    return out;
  }

  private refMap(): Map<string, number> {
    if (this.byRef === null) {
      const map = new Map<string, number>();
      const { ref } = this.columns;
      for (let row = 0; row < ref.length; row += 1) if (!this.dead.has(row)) map.set(ref[row]!, row);
      this.byRef = map;
    }
    return this.byRef;
  }

  private articleMap(): Map<string, number[]> {
    if (this.byArticle === null) {
      const map = new Map<string, number[]>();
      const { articleId } = this.columns;
      for (let row = 0; row < articleId.length; row += 1) {
        if (this.dead.has(row)) continue;
        const rows = map.get(articleId[row]!);
        if (rows === undefined) map.set(articleId[row]!, [row]);
        else rows.push(row);
      }
      this.byArticle = map;
    }
    return this.byArticle;
  }
}
