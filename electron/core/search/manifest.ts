/**
 * The index manifest (segment-store.ts), its form on disk and its validation. Checked by hand
 * rather than with zod: the search worker would load zod only for this, and importing it was a
 * third of the worker's cold start (about 0.15–0.2 s of the 0.5 s budget); validating 10,000
 * documents with it took another 0.1 s. The documents are columns (`DocColumns`), on disk and in
 * memory alike: parsing 100,000 documents as one array (or object) each, checking each and
 * putting it in maps was most of opening a 100,000-article index (about 1 s of CPU); columns are
 * a few long arrays of plain values, adopted as they are parsed.
 */

/** What the index keeps about one document besides its terms: enough to show and check a hit. */
export interface StoredDoc {
  ref: string;
  articleId: string;
  annotationId: string | null;
  kind: 'article' | 'bookmark' | 'note';
  title: string;
  byline: string;
  siteName: string;
  tags: string[];
  /** bookmark/note: the quoted passage; articles: empty (their text is read from text.txt) */
  quote: string;
  /** bookmark/note: the note text; articles: empty */
  note: string;
  passage: { start: number; end: number } | null;
  /** the language its words were stemmed in (a code of languages.ts) */
  lang: string;
  /** for filters: the article's primary language subtag as given, format and ISO date */
  language: string | null;
  format: string | null;
  date: string | null;
}

export interface Manifest {
  version: number;
  pipelineVersion: number;
  nextKey: number;
  nextSegmentId: number;
  /** oldest first; the last one is the live tail when `tail` is set */
  segments: { id: number; sha256: string }[];
  tail: number | null;
  /** article id → fingerprint of what was indexed */
  fingerprints: Map<string, string>;
  /** the live documents */
  docs: DocColumns;
}

/**
 * A column on disk: its entries, or `{ all: value }` when every entry is the same (an article has
 * no quote, note or passage; most have no tags or byline). Parsing 100,000 equal entries made as
 * many values for nothing.
 */
type StoredColumn = unknown[] | { all: unknown };

/**
 * manifest.json: the manifest with its fingerprints as two columns (ids, fingerprints) and its
 * documents' columns as StoredColumns, a document's `ref` null when it is its article's id (an
 * article's own document).
 */
export interface ManifestFile extends Omit<Manifest, 'fingerprints' | 'docs'> {
  fingerprints: { articleIds: string[]; fingerprints: string[] };
  docs: Record<keyof DocColumns, StoredColumn>;
}

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isNullableString = (value: unknown): boolean => value === null || isString(value);
const KINDS: ReadonlySet<unknown> = new Set(['article', 'bookmark', 'note']);
const CHECKSUM = /^[0-9a-f]{64}$/;

function isPassage(value: unknown): boolean {
  return value === null || (isObject(value) && typeof value.start === 'number' && typeof value.end === 'number');
}

/** The stored fields of a document, each a column of DocColumns. */
export const DOC_FIELDS = [
  'ref',
  'articleId',
  'annotationId',
  'kind',
  'title',
  'byline',
  'siteName',
  'tags',
  'quote',
  'note',
  'passage',
  'lang',
  'language',
  'format',
  'date',
] as const satisfies readonly (keyof StoredDoc)[];

export type DocField = (typeof DOC_FIELDS)[number];

/**
 * The live documents as columns, the same on disk and in memory: document i is the i-th entry of
 * every column. Its key, the id of the segment holding it and its number there (so loading needs
 * no lookup by key), then its stored fields.
 */
export type DocColumns = { key: string[]; segment: number[]; number: number[] } & { [F in DocField]: StoredDoc[F][] };

export const emptyColumns = (): DocColumns => ({
  key: [],
  segment: [],
  number: [],
  ...(Object.fromEntries(DOC_FIELDS.map((field) => [field, []])) as unknown as { [F in DocField]: StoredDoc[F][] }),
});

const FIELD_CHECKS: { [F in DocField]: (value: unknown) => boolean } = {
  // null: the article's id (see ManifestFile)
  ref: isNullableString,
  articleId: isString,
  annotationId: isNullableString,
  kind: (value) => KINDS.has(value),
  title: isString,
  byline: isString,
  siteName: isString,
  tags: (value) => Array.isArray(value) && value.every(isString),
  quote: isString,
  note: isString,
  passage: isPassage,
  lang: isString,
  language: isNullableString,
  format: isNullableString,
  date: isNullableString,
};

const COLUMN_CHECKS: { [C in keyof DocColumns]: (value: unknown) => boolean } = { key: isString, segment: isCount, number: isCount, ...FIELD_CHECKS };

/** A stored column's entries, or null when it is not `length` entries that pass `check`. */
function readColumn(value: unknown, length: number, check: (entry: unknown) => boolean): unknown[] | null {
  if (isObject(value) && 'all' in value) {
    if (!check(value.all)) return null;
    // Entries that are objects (tags, a passage: flat) must not be one object shared by every document.
    const all = value.all;
    if (Array.isArray(all)) return Array.from({ length }, () => [...(all as unknown[])]);
    if (isObject(all)) return Array.from({ length }, () => ({ ...all }));
    return new Array<unknown>(length).fill(all);
  }
  if (!Array.isArray(value) || value.length !== length) return null;
  for (const entry of value as unknown[]) if (!check(entry)) return null;
  return value as unknown[];
}

function storeColumn(column: readonly unknown[]): StoredColumn {
  if (column.length === 0) return [];
  const first = JSON.stringify(column[0]);
  // Most columns differ at once; the others are compared in full.
  const same = typeof column[0] === 'object' && column[0] !== null ? (entry: unknown) => JSON.stringify(entry) === first : (entry: unknown) => entry === column[0];
  return column.every(same) ? { all: column[0] } : [...column];
}

/**
 * The columns if `value` holds them all, equally long, each entry of its type. Checked column by
 * column: a loop per column over plain values, no object per document (at 100,000 documents,
 * making and checking one object per document was a fifth of opening the index).
 */
function parseColumns(value: unknown): DocColumns | null {
  if (!isObject(value) || !Array.isArray(value.key)) return null;
  const length = value.key.length;
  const columns: Record<string, unknown[]> = {};
  for (const name of Object.keys(COLUMN_CHECKS) as (keyof DocColumns)[]) {
    const column = readColumn(value[name], length, COLUMN_CHECKS[name]);
    if (column === null) return null;
    columns[name] = column;
  }
  const { ref, articleId } = columns as { ref: (string | null)[]; articleId: string[] };
  for (let row = 0; row < length; row += 1) if (ref[row] === null) ref[row] = articleId[row]!;
  return columns as DocColumns;
}

function parseFingerprints(value: unknown): Map<string, string> | null {
  if (!isObject(value) || !Array.isArray(value.articleIds) || !Array.isArray(value.fingerprints)) return null;
  const { articleIds, fingerprints } = value as { articleIds: unknown[]; fingerprints: unknown[] };
  if (articleIds.length !== fingerprints.length) return null;
  const out = new Map<string, string>();
  for (let i = 0; i < articleIds.length; i += 1) {
    const id = articleIds[i];
    const fingerprint = fingerprints[i];
    if (!isString(id) || !isString(fingerprint)) return null;
    out.set(id, fingerprint);
  }
  return out;
}

/** What manifest.json holds for `manifest`. */
export function toManifestFile(manifest: Omit<Manifest, 'fingerprints'> & { fingerprints: ReadonlyMap<string, string> }): ManifestFile {
  const { docs } = manifest;
  const ref = docs.ref.map((value, row) => (value === docs.articleId[row] ? null : value));
  const stored = Object.fromEntries(
    // The keys (all different) give the number of documents.
    (Object.keys(COLUMN_CHECKS) as (keyof DocColumns)[]).map((name) => [name, name === 'key' ? docs.key : storeColumn(name === 'ref' ? ref : docs[name])]),
  ) as ManifestFile['docs'];
  return {
    ...manifest,
    fingerprints: { articleIds: [...manifest.fingerprints.keys()], fingerprints: [...manifest.fingerprints.values()] },
    docs: stored,
  };
}

/** The manifest if `value` is a manifest file of this version, else null (the index is then rebuilt). */
export function parseManifest(value: unknown, version: number, pipelineVersion: number): Manifest | null {
  if (!isObject(value) || value.version !== version || value.pipelineVersion !== pipelineVersion) return null;
  const { nextKey, nextSegmentId, segments, tail, fingerprints } = value;
  if (!isCount(nextKey) || !isCount(nextSegmentId) || !(tail === null || isCount(tail))) return null;
  const segmentsOk =
    Array.isArray(segments) &&
    segments.every((segment) => isObject(segment) && isCount(segment.id) && isString(segment.sha256) && CHECKSUM.test(segment.sha256));
  if (!segmentsOk) return null;
  const fingerprintMap = parseFingerprints(fingerprints);
  const docs = parseColumns(value.docs);
  if (docs === null || fingerprintMap === null) return null;
  return {
    version,
    pipelineVersion,
    nextKey,
    nextSegmentId,
    segments: segments as Manifest['segments'],
    tail,
    fingerprints: fingerprintMap,
    docs,
  };
}
