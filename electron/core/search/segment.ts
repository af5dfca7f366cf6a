/**
 * One immutable piece of the index: a Lunr index over some documents, used only to find which
 * documents match which index terms. Ranking happens outside (bm25.ts) with library-wide
 * statistics, so a document scores the same whichever segment holds it (lunr.md §C).
 *
 * To make that possible the segment is built with idf = 1, no length normalization (b = 0) and a
 * huge k1, so the value Lunr stores for each (field, document, term) is exactly the term's count
 * in that field. From those counts the segment also yields the field lengths, the per-term
 * document frequencies and the analyzed documents themselves (to merge segments without the
 * library's text).
 */
import lunr from 'lunr';
import type { AnalyzedDoc } from './analyzed-doc';
import { INDEX_FIELDS, type IndexField } from './search-fields';
import { createSearchPipeline, expandField, type AnalyzedField } from './text-pipeline';

/**
 * With b = 0 Lunr stores (k1 + 1)·tf / (k1 + tf), rounded to 3 decimals: with k1 this large
 * that is tf itself for any count below millions.
 */
const TF_K1 = 1e12;

/** The parts of a Lunr index that @types/lunr leaves out. */
interface LunrInternals {
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenSet: lunr.TokenSet;
}

/** Lunr's static TokenSet builders (@types/lunr declares them on instances). */
const TokenSets = lunr.TokenSet as unknown as {
  fromString(text: string): lunr.TokenSet;
  fromFuzzyString(text: string, editDistance: number): lunr.TokenSet;
};

/** Documents holding a term in one field: their keys are the object's own keys. */
export type Posting = Readonly<Record<string, unknown>>;

const internals = (index: lunr.Index): LunrInternals => index as unknown as LunrInternals;

function isAnalyzedField(value: unknown): value is AnalyzedField {
  return typeof value === 'object' && value !== null && typeof (value as { terms?: unknown }).terms === 'string';
}

/**
 * Lunr's builder tokenizes and runs its pipeline on every field; ours arrive already analyzed, so
 * the "tokenizer" only expands the stored term counts and the builder pipeline stays empty.
 */
const analyzedFieldTokenizer = Object.assign(
  (value?: null | string | object | object[]): lunr.Token[] =>
    isAnalyzedField(value) ? expandField(value).map((term) => new lunr.Token(term, {})) : [],
  { separator: lunr.tokenizer.separator },
);

type IdfFunction = (posting: object, documentCount: number) => number;
const lunrIdf = lunr as unknown as { idf: IdfFunction };

function buildLunrIndex(docs: Iterable<[string, AnalyzedDoc]>): lunr.Index {
  const builder = new lunr.Builder();
  builder.ref('key');
  // Field boosts are applied at query time (bm25.ts), so stored values stay plain counts.
  for (const field of INDEX_FIELDS) builder.field(field);
  builder.tokenizer = analyzedFieldTokenizer;
  // Stored with the index so that anyone querying it through Lunr's pipeline gets our terms.
  builder.searchPipeline = createSearchPipeline();
  // No position metadata: it doubles size, load time and heap (lunr.md §D5).
  builder.metadataWhitelist = [];
  builder.b(0);
  builder.k1(TF_K1);
  for (const [key, fields] of docs) builder.add({ key, ...fields });
  // Lunr reads its idf from the namespace while building; the real idf is computed per query.
  const idf = lunrIdf.idf;
  lunrIdf.idf = () => 1;
  try {
    return builder.build();
  } finally {
    lunrIdf.idf = idf;
  }
}

export type FieldLengths = Record<IndexField, number>;

export const zeroLengths = (): FieldLengths =>
  Object.fromEntries(INDEX_FIELDS.map((field) => [field, 0])) as FieldLengths;

export class Segment {
  /** the document keys this segment was built with, removed ones included */
  readonly keys: ReadonlySet<string>;
  /** keys removed since the segment was built: their matches are ignored */
  private readonly removed = new Set<string>();
  /** per term, how many (field, removed document) pairs it had: subtracted from `df` */
  private readonly removedDf = new Map<string, number>();
  private readonly removedLengths = zeroLengths();
  private readonly lengths = zeroLengths();
  private readonly fieldLength = new Map<string, number>();
  private readonly dfCache = new Map<string, number>();
  private termsByIndex: string[] | null = null;
  private readonly lunr: LunrInternals;

  private constructor(
    readonly id: number,
    readonly index: lunr.Index,
  ) {
    this.lunr = internals(index);
    const keys = new Set<string>();
    for (const [fieldRef, vector] of Object.entries(this.lunr.fieldVectors)) {
      const slash = fieldRef.indexOf('/');
      const field = fieldRef.slice(0, slash) as IndexField;
      keys.add(fieldRef.slice(slash + 1));
      let length = 0;
      const { elements } = vector;
      for (let i = 1; i < elements.length; i += 2) length += Math.round(elements[i]!);
      this.fieldLength.set(fieldRef, length);
      this.lengths[field] += length;
    }
    this.keys = keys;
  }

  static build(id: number, docs: Iterable<[string, AnalyzedDoc]>): Segment {
    return new Segment(id, buildLunrIndex(docs));
  }

  /** Throws if Lunr refuses the data; the caller treats that like a bad checksum. */
  static load(id: number, serialized: object): Segment {
    return new Segment(id, lunr.Index.load(serialized));
  }

  toJSON(): object {
    return this.index.toJSON();
  }

  has(key: string): boolean {
    return this.keys.has(key) && !this.removed.has(key);
  }

  get liveCount(): number {
    return this.keys.size - this.removed.size;
  }

  /** Sum of field lengths over the documents still live. */
  liveLength(field: IndexField): number {
    return this.lengths[field] - this.removedLengths[field];
  }

  /** Number of (field, live document) pairs containing the term — Lunr's own idf count. */
  liveDf(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = 0;
      const posting = this.lunr.invertedIndex[term];
      if (posting !== undefined) {
        for (const field of INDEX_FIELDS) {
          const docs = posting[field];
          if (docs !== undefined && docs !== null) df += Object.keys(docs).length;
        }
      }
      this.dfCache.set(term, df);
    }
    return df - (this.removedDf.get(term) ?? 0);
  }

  /**
   * The index terms of this segment a query term stands for: itself if present, every term it
   * begins (prefix), or every term within the edit distance (through Lunr's TokenSet).
   */
  expand(term: string, prefix: boolean, editDistance: number): string[] {
    if (!prefix && editDistance === 0) return this.lunr.invertedIndex[term] === undefined ? [] : [term];
    const pattern = editDistance > 0 ? TokenSets.fromFuzzyString(term, editDistance) : TokenSets.fromString(`${term}*`);
    return this.lunr.tokenSet.intersect(pattern).toArray();
  }

  hasTerm(term: string): boolean {
    return this.lunr.invertedIndex[term] !== undefined;
  }

  posting(term: string, field: IndexField): Posting | undefined {
    const posting = this.lunr.invertedIndex[term]?.[field];
    return posting === undefined || posting === null ? undefined : (posting as Posting);
  }

  /** How often the term occurs in one field of one document (0 if not at all). */
  tf(key: string, field: IndexField, term: string): number {
    const posting = this.lunr.invertedIndex[term];
    const vector = this.lunr.fieldVectors[`${field}/${key}`];
    if (posting === undefined || vector === undefined) return 0;
    const target = posting._index;
    const { elements } = vector;
    let low = 0;
    let high = elements.length / 2 - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = elements[mid * 2]!;
      if (at === target) return Math.round(elements[mid * 2 + 1]!);
      if (at < target) low = mid + 1;
      else high = mid - 1;
    }
    return 0;
  }

  length(key: string, field: IndexField): number {
    return this.fieldLength.get(`${field}/${key}`) ?? 0;
  }

  /** Hides a document: its matches are dropped and it no longer counts in the statistics. */
  remove(key: string): void {
    if (!this.has(key)) return;
    this.removed.add(key);
    for (const field of INDEX_FIELDS) {
      this.removedLengths[field] += this.length(key, field);
      for (const [term] of this.termCounts(key, field)) {
        this.removedDf.set(term, (this.removedDf.get(term) ?? 0) + 1);
      }
    }
  }

  /** The document as it was analyzed, rebuilt from the stored counts (to merge segments). */
  analyzedDoc(key: string): AnalyzedDoc {
    const doc = {} as AnalyzedDoc;
    for (const field of INDEX_FIELDS) {
      const parts: string[] = [];
      let length = 0;
      for (const [term, count] of this.termCounts(key, field)) {
        parts.push(count === 1 ? term : `${term}:${count}`);
        length += count;
      }
      doc[field] = { length, terms: parts.join(' ') };
    }
    return doc;
  }

  liveKeys(): string[] {
    return [...this.keys].filter((key) => !this.removed.has(key));
  }

  private termCounts(key: string, field: IndexField): [string, number][] {
    const vector = this.lunr.fieldVectors[`${field}/${key}`];
    if (vector === undefined) return [];
    const terms = this.terms();
    const out: [string, number][] = [];
    const { elements } = vector;
    for (let i = 0; i < elements.length; i += 2) {
      const term = terms[elements[i]!];
      if (term !== undefined) out.push([term, Math.round(elements[i + 1]!)]);
    }
    return out;
  }

  private terms(): string[] {
    if (this.termsByIndex === null) {
      const terms: string[] = [];
      for (const [term, posting] of Object.entries(this.lunr.invertedIndex)) terms[posting._index] = term;
      this.termsByIndex = terms;
    }
    return this.termsByIndex;
  }
}
