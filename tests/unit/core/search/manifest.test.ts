/**
 * The manifest on disk holds the documents as columns: every field of every document must come
 * back as it went in, and columns that are not what they should be are refused (the index is then
 * rebuilt, never misread).
 */
import { describe, expect, it } from 'vitest';
import { DOC_FIELDS, emptyColumns, parseManifest, toManifestFile, type Manifest, type StoredDoc } from '../../../../electron/core/search/manifest';

const note: StoredDoc = {
  ref: 'a1#b2',
  articleId: 'a1',
  annotationId: 'b2',
  kind: 'note',
  title: 'The title',
  byline: 'A. Writer',
  siteName: 'example.org',
  tags: ['one', 'two'],
  quote: 'the quoted passage',
  note: 'my note',
  passage: { start: 10, end: 28 },
  lang: 'fr',
  language: 'fr',
  format: 'html',
  date: '2024-05-06T07:08:09.000Z',
};
const article: StoredDoc = { ...note, ref: 'a1', annotationId: null, kind: 'article', tags: [], quote: '', note: '', passage: null, language: null, format: null, date: null };

function manifestOf(docs: { key: string; segment: number; number: number; doc: StoredDoc }[]): Manifest {
  const columns = emptyColumns();
  for (const { key, segment, number, doc } of docs) {
    columns.key.push(key);
    columns.segment.push(segment);
    columns.number.push(number);
    for (const field of DOC_FIELDS) (columns[field] as unknown[]).push(doc[field]);
  }
  return {
    version: 5,
    pipelineVersion: 3,
    nextKey: 8,
    nextSegmentId: 2,
    segments: [{ id: 1, sha256: 'a'.repeat(64) }],
    tail: null,
    fingerprints: new Map([['a1', 'f1']]),
    docs: columns,
  };
}

const manifest = manifestOf([
  { key: '6', segment: 1, number: 0, doc: article },
  { key: '7', segment: 1, number: 1, doc: note },
]);

const roundTrip = (value: unknown): Manifest | null => parseManifest(JSON.parse(JSON.stringify(value)), 5, 3);

describe('the index manifest file', () => {
  it('gives back every field of every document', () => {
    const back = roundTrip(toManifestFile(manifest));
    expect(back).toEqual(manifest);
    expect(DOC_FIELDS.map((field) => back?.docs[field][1])).toEqual(DOC_FIELDS.map((field) => note[field]));
  });

  it('stores a column whose entries are all equal once, and gives each document its own', () => {
    const articles = manifestOf([0, 1, 2].map((n) => ({ key: String(n), segment: 1, number: n, doc: { ...article, ref: `a${n}`, articleId: `a${n}` } })));
    const file = toManifestFile(articles);
    expect(file.docs.quote).toEqual({ all: '' });
    expect(file.docs.tags).toEqual({ all: [] });
    // an article's own document: its ref is its id, not written twice
    expect(file.docs.ref).toEqual({ all: null });
    const back = roundTrip(file);
    expect(back).toEqual(articles);
    back!.docs.tags[0]!.push('mine');
    expect(back!.docs.tags[1]).toEqual([]);
  });

  it('refuses columns of unequal length or with an entry of the wrong type, and other versions', () => {
    const file = toManifestFile(manifest);
    const docs = file.docs;
    expect(roundTrip(file)).not.toBeNull();
    expect(roundTrip({ ...file, docs: { ...docs, title: ['only one'] } })).toBeNull();
    expect(roundTrip({ ...file, docs: { ...docs, kind: ['article', 'chapter'] } })).toBeNull();
    expect(roundTrip({ ...file, docs: { ...docs, kind: { all: 'chapter' } } })).toBeNull();
    expect(roundTrip({ ...file, docs: { ...docs, number: [0, -1] } })).toBeNull();
    const { date: _date, ...withoutDates } = docs;
    expect(roundTrip({ ...file, docs: withoutDates })).toBeNull();
    expect(roundTrip({ ...file, docs: [['7', 1, ...DOC_FIELDS.map((field) => note[field])]] })).toBeNull();
    expect(roundTrip({ ...file, fingerprints: { articleIds: ['a1'], fingerprints: [3] } })).toBeNull();
    expect(roundTrip({ ...file, fingerprints: { a1: 'f1' } })).toBeNull();
    expect(parseManifest(JSON.parse(JSON.stringify(file)), 4, 3)).toBeNull();
  });
});
