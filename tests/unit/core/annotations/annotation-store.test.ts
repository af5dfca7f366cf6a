import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../../electron/core/annotations/annotation-store';
import type { Annotation } from '../../../../electron/shared/models';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const ARTICLE = 'article-0001';

function annotation(id: string, start: number | null, createdAt: string): Annotation {
  return {
    id,
    articleId: ARTICLE,
    kind: start === null ? 'note' : 'bookmark',
    target:
      start === null
        ? null
        : {
            quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start, end: start + 1 },
          },
    color: null,
    note: '',
    anchorState: 'exact',
    createdAt,
    updatedAt: createdAt,
  };
}

function setup(): { store: AnnotationStore; dir: string; logged: string[] } {
  const dir = path.join(tempDir(), ARTICLE);
  mkdirSync(dir);
  // A folder is an article when it holds article.json (the store writes into articles only).
  writeFileSync(path.join(dir, 'article.json'), '{}');
  const logged: string[] = [];
  return { store: new AnnotationStore(() => dir, (m) => logged.push(m)), dir, logged };
}

describe('AnnotationStore', () => {
  it('keeps one JSON file per annotation', async () => {
    const { store, dir } = setup();
    await store.save(annotation('ann-b', 10, '2024-01-01T00:00:00.000Z'));
    await store.save(annotation('ann-a', 5, '2024-01-02T00:00:00.000Z'));
    expect(readdirSync(path.join(dir, 'annotations')).sort()).toEqual(['ann-a.json', 'ann-b.json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'annotations', 'ann-a.json'), 'utf8')).id).toBe('ann-a');
  });

  it('lists whole-article notes first, then passages in reading order, then oldest first', async () => {
    const { store } = setup();
    await store.save(annotation('ann-late', 50, '2024-01-01T00:00:00.000Z'));
    await store.save(annotation('ann-same-2', 10, '2024-01-03T00:00:00.000Z'));
    await store.save(annotation('ann-same-1', 10, '2024-01-02T00:00:00.000Z'));
    await store.save(annotation('ann-whole', null, '2024-01-04T00:00:00.000Z'));
    expect((await store.list(ARTICLE)).map((a) => a.id)).toEqual(['ann-whole', 'ann-same-1', 'ann-same-2', 'ann-late']);
  });

  it('skips a broken file (and temp files of an interrupted write) without hiding the others', async () => {
    const { store, dir, logged } = setup();
    await store.save(annotation('ann-good', 1, '2024-01-01T00:00:00.000Z'));
    writeFileSync(path.join(dir, 'annotations', 'ann-bad.json'), '{ not json');
    writeFileSync(path.join(dir, 'annotations', 'ann-good.json.12345'), '{');
    expect((await store.list(ARTICLE)).map((a) => a.id)).toEqual(['ann-good']);
    expect(logged.join('\n')).toContain('ann-bad');
  });

  it('reports an unknown annotation as not found', async () => {
    const { store } = setup();
    await expect(store.get(ARTICLE, 'ann-missing')).rejects.toMatchObject({
      code: 'not-found',
      message: 'That bookmark or note does not exist.',
    });
    await expect(store.delete(ARTICLE, '../../etc')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes', async () => {
    const { store } = setup();
    await store.save(annotation('ann-1', 1, '2024-01-01T00:00:00.000Z'));
    await store.delete(ARTICLE, 'ann-1');
    expect(await store.list(ARTICLE)).toEqual([]);
  });
});
