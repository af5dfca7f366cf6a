/**
 * The manifest on disk holds each document as a row of its fields: every field must come back
 * as it went in, and a row that is not one is refused (the index is then rebuilt, never misread).
 */
import { describe, expect, it } from 'vitest';
import { parseManifest, toManifestFile, type Manifest, type StoredDoc } from '../../../../electron/core/search/manifest';

const doc: StoredDoc = {
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

const manifest: Manifest = {
  version: 5,
  pipelineVersion: 3,
  nextKey: 8,
  nextSegmentId: 2,
  segments: [{ id: 1, sha256: 'a'.repeat(64) }],
  tail: null,
  fingerprints: { a1: 'f1' },
  docs: { '7': { segment: 1, doc } },
};

const roundTrip = (value: unknown): Manifest | null => parseManifest(JSON.parse(JSON.stringify(value)), 5, 3);

describe('the index manifest file', () => {
  it('gives back every field of every document', () => {
    expect(roundTrip(toManifestFile(manifest))).toEqual(manifest);
  });

  it('refuses rows of the wrong length or with a field of the wrong type, and other versions', () => {
    const file = toManifestFile(manifest);
    expect(roundTrip({ ...file, docs: [file.docs[0]!.slice(0, -1)] })).toBeNull();
    const wrongKind = [...file.docs[0]!];
    wrongKind[5] = 'chapter';
    expect(roundTrip({ ...file, docs: [wrongKind] })).toBeNull();
    expect(roundTrip({ ...file, docs: { '7': { segment: 1, doc } } })).toBeNull();
    expect(parseManifest(JSON.parse(JSON.stringify(file)), 4, 3)).toBeNull();
  });
});
