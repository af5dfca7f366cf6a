import { englishSentence } from '../../../../electron/shared/i18n/english-sentence';
import { describe, expect, it } from 'vitest';
import { annotationsToW3c } from '../../../../electron/core/export/w3c';
import { annotationsFromW3c } from '../../../../electron/core/export/w3c-import';
import { isQuireError } from '../../../../electron/shared/result';
import { sampleArticle, sampleBookmark } from '../../../support/fake-reader-service';

const bookmark = sampleBookmark();
const plain = sampleBookmark({ id: 'ann-0002', color: null, note: '' });
const note = sampleBookmark({ id: 'ann-0003', kind: 'note', target: null, color: null, note: 'About it all' });
const passageNote = sampleBookmark({ id: 'ann-0004', kind: 'note', color: 'blue', anchorState: 'fuzzy' });
const all = [bookmark, plain, note, passageNote];

describe('annotationsFromW3c', () => {
  it('reads back exactly what the export wrote: kinds, colours, notes, passages, placement and dates', () => {
    const json = JSON.stringify(annotationsToW3c(sampleArticle(), all));
    const { annotations, skipped } = annotationsFromW3c(json);
    expect(skipped).toEqual([]);
    const byId = (id: string) => annotations.find((a) => a.id === id);
    for (const original of all) expect(byId(original.id)).toEqual(original);
  });

  it('accepts a page, a plain array or a single annotation as well as a collection', () => {
    const collection = annotationsToW3c(sampleArticle(), [bookmark]);
    const item = collection.first.items[0]!;
    for (const shape of [{ type: 'AnnotationPage', items: [item] }, [item], item]) {
      expect(annotationsFromW3c(JSON.stringify(shape)).annotations).toEqual([bookmark]);
    }
  });

  it('skips an annotation of another tool with its reason, and keeps the rest', () => {
    const collection = annotationsToW3c(sampleArticle(), [bookmark]);
    const foreign = { ...collection.first.items[0]!, id: 'https://hypothes.is/a/xyz' };
    const half = { ...collection.first.items[0]!, id: 'quire://article/a1b2c3d4e5f60718/annotation/ann-0009', target: { source: 'quire://article/a1b2c3d4e5f60718', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] } };
    const { annotations, skipped } = annotationsFromW3c(JSON.stringify([collection.first.items[0], foreign, half, { type: 'Annotation' }]));
    expect(annotations).toEqual([bookmark]);
    expect(skipped.map(englishSentence)).toEqual([
      'https://hypothes.is/a/xyz: not a Quire annotation (its id does not name a Quire article).',
      'quire://article/a1b2c3d4e5f60718/annotation/ann-0009: its passage needs both a TextQuoteSelector and a TextPositionSelector.',
      expect.stringMatching(/^Item 4: not a Web Annotation Quire can read/),
    ]);
  });

  it('refuses what is not JSON, or JSON of another kind, in one sentence', () => {
    for (const [text, message] of [
      ['not json', 'This file is not JSON, so it cannot be a W3C Web Annotation export.'],
      ['{"a": 1}', 'This file is not a W3C Web Annotation collection, page or annotation.'],
    ]) {
      try {
        annotationsFromW3c(text!);
        expect.unreachable();
      } catch (error) {
        expect(isQuireError(error) && error.message).toBe(message);
      }
    }
  });
});
