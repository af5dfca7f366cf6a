/**
 * The index manifest (segment-store.ts) and its validation. Checked by hand rather than with zod:
 * the search worker would load zod only for this, and importing it was a third of the worker's
 * cold start (about 0.15–0.2 s of the 0.5 s budget); validating 10,000 documents with it took
 * another 0.1 s.
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

function isDocEntry(value: unknown): boolean {
  return isObject(value) && isCount(value.segment) && isStoredDoc(value.doc);
}

/** The manifest if `value` is one of this version, else null (the index is then rebuilt). */
export function parseManifest(value: unknown, version: number, pipelineVersion: number): Manifest | null {
  if (!isObject(value) || value.version !== version || value.pipelineVersion !== pipelineVersion) return null;
  const { nextKey, nextSegmentId, segments, tail, fingerprints, docs } = value;
  if (!isCount(nextKey) || !isCount(nextSegmentId) || !(tail === null || isCount(tail))) return null;
  const segmentsOk =
    Array.isArray(segments) &&
    segments.every((segment) => isObject(segment) && isCount(segment.id) && isString(segment.sha256) && CHECKSUM.test(segment.sha256));
  if (!segmentsOk || !isObject(fingerprints) || !Object.values(fingerprints).every(isString)) return null;
  if (!isObject(docs) || !Object.values(docs).every(isDocEntry)) return null;
  return value as unknown as Manifest;
}
