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
  fingerprints: Record<string, string>;
  /** the live documents */
  docs: DocColumns;
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
  ref: isString,
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

function isColumn(value: unknown, length: number, check: (entry: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length !== length) return false;
  for (const entry of value as unknown[]) if (!check(entry)) return false;
  return true;
}

/**
 * The columns if `value` holds them all, equally long, each entry of its type. Checked column by
 * column: a loop per column over plain values, no object per document (at 100,000 documents,
 * making and checking one object per document was a fifth of opening the index).
 */
function parseColumns(value: unknown): DocColumns | null {
  if (!isObject(value) || !Array.isArray(value.key)) return null;
  const length = value.key.length;
  if (!isColumn(value.key, length, isString) || !isColumn(value.segment, length, isCount) || !isColumn(value.number, length, isCount)) return null;
  for (const field of DOC_FIELDS) if (!isColumn(value[field], length, FIELD_CHECKS[field])) return null;
  return value as DocColumns;
}

/** The manifest if `value` is a manifest file of this version, else null (the index is then rebuilt). */
export function parseManifest(value: unknown, version: number, pipelineVersion: number): Manifest | null {
  if (!isObject(value) || value.version !== version || value.pipelineVersion !== pipelineVersion) return null;
  const { nextKey, nextSegmentId, segments, tail, fingerprints } = value;
  if (!isCount(nextKey) || !isCount(nextSegmentId) || !(tail === null || isCount(tail))) return null;
  const segmentsOk =
    Array.isArray(segments) &&
    segments.every((segment) => isObject(segment) && isCount(segment.id) && isString(segment.sha256) && CHECKSUM.test(segment.sha256));
  if (!segmentsOk || !isObject(fingerprints)) return null;
  for (const key in fingerprints) if (!isString(fingerprints[key])) return null;
  const docs = parseColumns(value.docs);
  if (docs === null) return null;
  return {
    version,
    pipelineVersion,
    nextKey,
    nextSegmentId,
    segments: segments as Manifest['segments'],
    tail,
    fingerprints: fingerprints as Manifest['fingerprints'],
    docs,
  };
}
