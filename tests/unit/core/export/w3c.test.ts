import { describe, expect, it } from 'vitest';
import { annotationsToW3c, motivationOf } from '../../../../electron/core/export/w3c';
import { sampleArticle, sampleBookmark } from '../../../support/fake-reader-service';

describe('annotationsToW3c', () => {
  it('is an AnnotationCollection of Web Annotations with quote and position selectors', () => {
    const collection = annotationsToW3c(sampleArticle(), [sampleBookmark()]);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
      first: { type: 'AnnotationPage' },
    });
    expect(collection.first.items[0]).toEqual({
      id: 'quire://article/a1b2c3d4e5f60718/annotation/ann-0001',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-11-28T10:05:00.000Z',
      modified: '2026-11-28T10:05:00.000Z',
      stylesClass: 'quire-highlight-green',
      'quire:anchorState': 'exact',
      body: { type: 'TextualBody', value: 'Mediation between *Gulf* neighbours', format: 'text/markdown', purpose: 'commenting' },
      target: {
        source: 'quire://article/a1b2c3d4e5f60718',
        selector: [
          { type: 'TextQuoteSelector', exact: 'bridge the views', prefix: 'trying to ', suffix: ' of neighboring' },
          { type: 'TextPositionSelector', start: 120, end: 136 },
        ],
      },
    });
  });

  it('names the motivation: note → commenting, coloured bookmark → highlighting, plain → bookmarking', () => {
    expect(motivationOf(sampleBookmark({ kind: 'note' }))).toBe('commenting');
    expect(motivationOf(sampleBookmark({ color: 'blue' }))).toBe('highlighting');
    expect(motivationOf(sampleBookmark({ color: null }))).toBe('bookmarking');
  });

  it('gives a whole-article note a target with no selector and a bookmark without a note no body', () => {
    const note = annotationsToW3c(sampleArticle(), [sampleBookmark({ kind: 'note', target: null, color: null })]).first.items[0]!;
    expect(note.target).toEqual({ source: 'quire://article/a1b2c3d4e5f60718' });
    const bare = annotationsToW3c(sampleArticle(), [sampleBookmark({ note: '' })]).first.items[0]!;
    expect(bare.body).toBeUndefined();
  });
});
