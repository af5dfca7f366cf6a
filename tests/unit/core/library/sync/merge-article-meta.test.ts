/**
 * Two machines changed one article's article.json apart; a synchronizer kept both. The merge takes
 * each field from the machine that changed it last, keeps every tag either set (unless removed
 * after), and gives the same result whichever copy is called the file.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../../electron/shared/models';
import { stampChangedFields } from '../../../../../electron/core/library/sync/field-times';
import { mergeArticleMeta } from '../../../../../electron/core/library/sync/merge-article-meta';

const base: ArticleMeta = {
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  title: 'On Sync',
  byline: null,
  siteName: null,
  url: null,
  lang: 'en',
  dir: null,
  format: 'html',
  addedAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  publishedAt: null,
  excerpt: null,
  tags: ['reading'],
  contentHash: 'hash-1',
  readState: 'unread',
  progress: 0,
  position: 0,
  wordCount: 1200,
  source: 'on-sync.html',
};

/** A change as Quire writes it: the fields set, their times stamped. */
const changed = (from: ArticleMeta, at: string, fields: Partial<ArticleMeta>): ArticleMeta => stampChangedFields(from, { ...from, ...fields }, at);

/** Both orders: the merge must not depend on which copy the synchronizer kept as the file. */
function mergeBothWays(a: ArticleMeta, b: ArticleMeta): ArticleMeta {
  const ab = mergeArticleMeta(a, b);
  expect(JSON.stringify(mergeArticleMeta(b, a))).toBe(JSON.stringify(ab));
  return ab;
}

describe('merging two copies of article.json', () => {
  it('keeps a tag from one machine and reading progress from the other', () => {
    const laptop = changed(base, '2026-12-03T10:00:00.000Z', { tags: ['reading', 'physics'] });
    const desktop = changed(base, '2026-12-03T10:00:05.000Z', { progress: 0.4, position: 5120, readState: 'reading' });
    const merged = mergeBothWays(laptop, desktop);
    expect(merged.tags).toEqual(['reading', 'physics']);
    expect(merged).toMatchObject({ progress: 0.4, position: 5120, readState: 'reading', title: 'On Sync' });
  });

  it('takes each of title and reading state from the machine that changed it last', () => {
    const laptop = changed(changed(base, '2026-12-03T10:00:00.000Z', { title: 'Laptop title' }), '2026-12-03T11:00:00.000Z', { readState: 'finished', progress: 1 });
    const desktop = changed(changed(base, '2026-12-03T10:30:00.000Z', { title: 'Desktop title' }), '2026-12-03T10:45:00.000Z', { readState: 'reading', progress: 0.2 });
    const merged = mergeBothWays(laptop, desktop);
    expect(merged.title).toBe('Desktop title');
    expect(merged.readState).toBe('finished');
    expect(merged.progress).toBe(1);
  });

  it('the newest reading position wins even when it is further back (the reader started again)', () => {
    const earlier = changed(base, '2026-12-03T09:00:00.000Z', { progress: 0.9, position: 9000 });
    const later = changed(base, '2026-12-03T09:30:00.000Z', { progress: 0.1, position: 800 });
    expect(mergeBothWays(earlier, later)).toMatchObject({ progress: 0.1, position: 800 });
  });

  it('files written before fields had times: the furthest position, the newer whole file for the rest', () => {
    const older = { ...base, progress: 0.7, position: 7000, updatedAt: '2026-12-02T08:00:00.000Z' };
    const newer = { ...base, progress: 0.3, position: 3000, title: 'Renamed', updatedAt: '2026-12-03T08:00:00.000Z' };
    expect(mergeBothWays(older, newer)).toMatchObject({ progress: 0.7, position: 7000, title: 'Renamed', updatedAt: '2026-12-03T08:00:00.000Z' });
  });

  it('a tag removed on one machine stays removed, unless the other set its tags after that', () => {
    const removed = changed(base, '2026-12-03T10:00:00.000Z', { tags: [] });
    const untouched = changed(base, '2026-12-03T09:00:00.000Z', { progress: 0.5 });
    expect(mergeBothWays(removed, untouched).tags).toEqual([]);
    const taggedLater = changed(base, '2026-12-03T11:00:00.000Z', { tags: ['reading', 'later'] });
    const merged = mergeBothWays(removed, taggedLater);
    expect(merged.tags).toEqual(['reading', 'later']);
    expect(merged.tagsRemovedAt).toBeUndefined();
  });

  it('the text details come from the copy whose text is beside them', () => {
    const replaced = { ...changed(base, '2026-12-03T10:00:00.000Z', { tags: ['x'] }), contentHash: 'hash-2', wordCount: 999 };
    const tagged = changed(base, '2026-12-03T12:00:00.000Z', { tags: ['reading', 'y'] });
    expect(mergeArticleMeta(tagged, replaced, 'b')).toMatchObject({ contentHash: 'hash-2', wordCount: 999 });
    expect(mergeArticleMeta(replaced, tagged, 'a')).toMatchObject({ contentHash: 'hash-2', wordCount: 999 });
  });

  it('keeps the earliest addition date and the latest change', () => {
    const a = { ...base, addedAt: '2026-11-30T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    const b = { ...base, addedAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-02T00:00:00.000Z' };
    expect(mergeBothWays(a, b)).toMatchObject({ addedAt: '2026-11-30T00:00:00.000Z', updatedAt: '2026-12-02T00:00:00.000Z' });
  });

  it("keeps an author edited on one machine while the other read on, and the file's text side wins otherwise", () => {
    const edited = changed(base, '2026-12-02T10:00:00.000Z', { byline: 'Ada Sync', updatedAt: '2026-12-02T10:00:00.000Z' });
    const read = changed(base, '2026-12-02T11:00:00.000Z', { progress: 0.5, position: 40 });
    const merged = mergeBothWays(edited, read);
    expect(merged.byline).toBe('Ada Sync');
    expect(merged.progress).toBe(0.5);
    // New text on one side: its details, the author among them, come with it.
    const replaced = { ...read, contentHash: 'hash-2', byline: 'New Text Author' };
    expect(mergeArticleMeta(edited, replaced, 'b').byline).toBe('New Text Author');
  });
});
