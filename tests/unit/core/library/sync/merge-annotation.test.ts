import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../electron/shared/models';
import { mergeAnnotation } from '../../../../../electron/core/library/sync/merge-annotation';

const note: Annotation = {
  id: '3f2a8c1e-7b4d-4e2a-9c1f-0a1b2c3d4e5f',
  articleId: '0a1b2c3d-0000-4000-8000-000000000001',
  kind: 'note',
  target: null,
  color: null,
  note: 'first thought',
  anchorState: 'exact',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

describe('merging two copies of one bookmark or note', () => {
  it('the newest edit wins, whichever copy is the file', () => {
    const laptop = { ...note, note: 'edited on the laptop', updatedAt: '2026-12-03T10:00:00.000Z' };
    const desktop = { ...note, color: 'green' as const, note: 'edited on the desktop', updatedAt: '2026-12-03T10:00:01.000Z' };
    expect(mergeAnnotation(laptop, desktop).note).toBe('edited on the desktop');
    expect(mergeAnnotation(desktop, laptop).note).toBe('edited on the desktop');
  });

  it('two edits at the same instant: both machines pick the same one', () => {
    const a = { ...note, note: 'a', updatedAt: '2026-12-03T10:00:00.000Z' };
    const b = { ...note, note: 'b', updatedAt: '2026-12-03T10:00:00.000Z' };
    expect(mergeAnnotation(a, b)).toEqual(mergeAnnotation(b, a));
  });
});
