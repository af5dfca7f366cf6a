/**
 * The index manifest (segment-store.ts), its form on disk and its validation. Checked by hand
 * rather than with zod: the search worker would load zod only for this, and importing it was a
 * third of the worker's cold start (about 0.15–0.2 s of the 0.5 s budget); validating 10,000
 * documents with it took another 0.1 s. On disk each document is one array of its fields in a
 * fixed order (`DocRow`) rather than an object: half the bytes, and `JSON.parse` of 10,000 of them
 * takes a third of the time objects took (measured: 30 ms against 90 ms), which is the largest
 * single step of opening the index.
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
  /** live documents by key, each with the id of the segment holding it */
  docs: Record<string, { segment: number; doc: StoredDoc }>;
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

function isStoredDoc(value: unknown): value is StoredDoc {
  return (
    isObject(value) &&
    isString(value.ref) &&
    isString(value.articleId) &&
    isNullableString(value.annotationId) &&
    KINDS.has(value.kind) &&
    isString(value.title) &&
    isString(value.byline) &&
    isString(value.siteName) &&
    Array.isArray(value.tags) &&
    value.tags.every(isString) &&
    isString(value.quote) &&
    isString(value.note) &&
    isPassage(value.passage) &&
    isString(value.lang) &&
    isNullableString(value.language) &&
    isNullableString(value.format) &&
    isNullableString(value.date)
  );
}

/** The fields of a StoredDoc in the order a DocRow holds them, after its key and segment. */
const DOC_FIELDS = [
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

/** One live document on disk: its key, the id of the segment holding it, then its fields. */
export type DocRow = [key: string, segment: number, ...fields: StoredDoc[(typeof DOC_FIELDS)[number]][]];

/** What manifest.json holds: the manifest with its documents as rows. */
export interface ManifestFile extends Omit<Manifest, 'docs'> {
  docs: DocRow[];
}

export function toDocRow(key: string, segment: number, doc: StoredDoc): DocRow {
  return [key, segment, ...DOC_FIELDS.map((field) => doc[field])];
}

function fromDocRow(row: unknown): [string, { segment: number; doc: StoredDoc }] | null {
  if (!Array.isArray(row) || row.length !== DOC_FIELDS.length + 2) return null;
  const [key, segment] = row as unknown[];
  if (!isString(key) || !isCount(segment)) return null;
  // One literal in DOC_FIELDS' order: every document gets the same object shape at once, which
  // keeps reading 10,000 of them (and every later look at them) on V8's fast path.
  const fields = row as unknown[];
  const doc = {
    ref: fields[2],
    articleId: fields[3],
    annotationId: fields[4],
    kind: fields[5],
    title: fields[6],
    byline: fields[7],
    siteName: fields[8],
    tags: fields[9],
    quote: fields[10],
    note: fields[11],
    passage: fields[12],
    lang: fields[13],
    language: fields[14],
    format: fields[15],
    date: fields[16],
  } satisfies Record<(typeof DOC_FIELDS)[number], unknown>;
  return isStoredDoc(doc) ? [key, { segment, doc }] : null;
}

export function toManifestFile(manifest: Manifest): ManifestFile {
  return {
    ...manifest,
    docs: Object.entries(manifest.docs).map(([key, { segment, doc }]) => toDocRow(key, segment, doc)),
  };
}

/** The manifest if `value` is a manifest file of this version, else null (the index is then rebuilt). */
export function parseManifest(value: unknown, version: number, pipelineVersion: number): Manifest | null {
  if (!isObject(value) || value.version !== version || value.pipelineVersion !== pipelineVersion) return null;
  const { nextKey, nextSegmentId, segments, tail, fingerprints, docs } = value;
  if (!isCount(nextKey) || !isCount(nextSegmentId) || !(tail === null || isCount(tail))) return null;
  const segmentsOk =
    Array.isArray(segments) &&
    segments.every((segment) => isObject(segment) && isCount(segment.id) && isString(segment.sha256) && CHECKSUM.test(segment.sha256));
  if (!segmentsOk || !isObject(fingerprints) || !Object.values(fingerprints).every(isString)) return null;
  if (!Array.isArray(docs)) return null;
  const entries: Manifest['docs'] = {};
  for (const row of docs) {
    const entry = fromDocRow(row);
    if (entry === null) return null;
    entries[entry[0]] = entry[1];
  }
  return {
    version,
    pipelineVersion,
    nextKey,
    nextSegmentId,
    segments: segments as Manifest['segments'],
    tail,
    fingerprints: fingerprints as Manifest['fingerprints'],
    docs: entries,
  };
}
