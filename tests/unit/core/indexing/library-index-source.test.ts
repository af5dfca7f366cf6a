import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, writeAnnotationFile } from '../../../../electron/core/annotations/annotation-store';
import { libraryIndexSource } from '../../../../electron/core/indexing/library-index-source';
import { fingerprintOf } from '../../../../electron/core/indexing/search-documents';
import type { ArticleStore } from '../../../../electron/core/library/article-store';
import type { Annotation, ArticleMeta } from '../../../../electron/shared/models';
import { makeArticle } from '../../renderer/support/fake-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

const bookmark = (articleId: string, id: string, updatedAt: string): Annotation => ({
  id,
  articleId,
  kind: 'bookmark',
  target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
  color: null,
  note: '',
  anchorState: 'exact',
  createdAt: updatedAt,
  updatedAt,
});

describe("the library's fingerprints for the search index", () => {
  it('cover each article with its bookmarks, whether its annotations folder is missing, empty, holds leftovers or files', async () => {
    const root = tempDir();
    const articles: ArticleMeta[] = ['no-folder', 'empty-folder', 'leftover-only', 'one-bookmark', 'two-bookmarks'].map((id) => makeArticle({ id, title: id }));
    const dirOf = (id: string) => path.join(root, id);
    for (const { id } of articles) mkdirSync(dirOf(id));
    mkdirSync(path.join(dirOf('empty-folder'), 'annotations'));
    mkdirSync(path.join(dirOf('leftover-only'), 'annotations'));
    // An interrupted atomic write leaves a temp file: it is no bookmark.
    writeFileSync(path.join(dirOf('leftover-only'), 'annotations', 'b0001.json.tmp-1'), '{');
    const one = [bookmark('one-bookmark', 'b0001', '2026-01-01T00:00:00.000Z')];
    const two = [bookmark('two-bookmarks', 'b0002', '2026-01-02T00:00:00.000Z'), bookmark('two-bookmarks', 'b0003', '2026-01-03T00:00:00.000Z')];
    for (const annotation of [...one, ...two]) await writeAnnotationFile(dirOf(annotation.articleId), annotation);
    const store = { list: () => articles } as unknown as ArticleStore;
    const annotations = new AnnotationStore(dirOf, () => {});

    const fingerprints = await libraryIndexSource(store, annotations).fingerprints();
    expect(fingerprints).toEqual([
      fingerprintOf(articles[0]!, []),
      fingerprintOf(articles[1]!, []),
      fingerprintOf(articles[2]!, []),
      fingerprintOf(articles[3]!, one),
      fingerprintOf(articles[4]!, two),
    ]);
    // A bookmark is part of the fingerprint: the index sees the article changed.
    expect(fingerprints[3]).not.toEqual(fingerprintOf(articles[3]!, []));
  });

  it('see a bookmark added after the annotation folders were remembered', async () => {
    const root = tempDir();
    const articles: ArticleMeta[] = ['plain', 'marked'].map((id) => makeArticle({ id, title: id }));
    const dirOf = (id: string) => path.join(root, id);
    for (const { id } of articles) mkdirSync(path.join(dirOf(id), 'annotations'), { recursive: true });
    const store = { list: () => articles } as unknown as ArticleStore;
    const source = libraryIndexSource(store, new AnnotationStore(dirOf, () => {}), { folderCacheFile: path.join(root, 'cache', 'folders.json') });
    const before = await source.fingerprints();
    expect(existsSync(path.join(root, 'cache', 'folders.json'))).toBe(true);
    const added = bookmark('marked', 'b0009', '2026-02-01T00:00:00.000Z');
    await writeAnnotationFile(dirOf('marked'), added);
    const after = await source.fingerprints();
    expect(after).toEqual([before[0], fingerprintOf(articles[1]!, [added])]);
    expect(after[1]).not.toEqual(before[1]);
  });
});
