/**
 * A `ReaderService` whose every method is a spy with a canned answer, for host tests that check
 * the wiring (validation, sender checks, routes, exit codes) rather than the core itself.
 */
import { vi, type Mock } from 'vitest';
import { primaryLanguage } from '../../electron/shared/article-query';
import type { ReaderMethod, ReaderService } from '../../electron/shared/contract';
import { READER_METHODS } from '../../electron/shared/contract';
import { DEFAULT_SETTINGS, type Annotation, type ArticleMeta } from '../../electron/shared/models';
import { exportAnnotationsFile } from '../../electron/core/export/export-file';
import { searchResultsOf } from './search-results';
import { exportLibraryAnnotationsFile } from '../../electron/core/export/library-export';

export const sampleArticle = (overrides: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id: 'a1b2c3d4e5f60718',
  title: 'Iraq: Regional security impacts Iraq',
  byline: 'A. Reporter',
  siteName: 'Example News',
  url: 'https://news.example/iraq',
  lang: 'en',
  dir: 'ltr',
  format: 'txt',
  addedAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  publishedAt: null,
  excerpt: 'Iraq is trying to bridge the views of neighboring countries.',
  tags: [],
  contentHash: 'f'.repeat(64),
  readState: 'unread',
  progress: 0,
  position: 0,
  wordCount: 420,
  source: '000_db403d933cbeb736.txt',
  ...overrides,
});

export const sampleBookmark = (overrides: Partial<Annotation> = {}): Annotation => ({
  id: 'ann-0001',
  articleId: 'a1b2c3d4e5f60718',
  kind: 'bookmark',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'bridge the views', prefix: 'trying to ', suffix: ' of neighboring' },
    position: { type: 'TextPositionSelector', start: 120, end: 136 },
  },
  color: 'green',
  note: 'Mediation between *Gulf* neighbours',
  anchorState: 'exact',
  createdAt: '2026-11-28T10:05:00.000Z',
  updatedAt: '2026-11-28T10:05:00.000Z',
  ...overrides,
});

export type FakeReaderService = { [M in ReaderMethod]: Mock<ReaderService[M]> };

export function createFakeReaderService(): FakeReaderService {
  const article = sampleArticle();
  const language = primaryLanguage(article.lang);
  const answers: { [M in ReaderMethod]: ReaderService[M] } = {
    listArticles: async () => [article],
    getArticle: async () => article,
    listFacets: async () => ({
      tags: article.tags.map((value) => ({ value, count: 1 })),
      formats: [{ value: article.format, count: 1 }],
      languages: language === null ? [] : [{ value: language, count: 1 }],
    }),
    importPaths: async (paths) => paths.map((source) => ({ status: 'imported' as const, source, article })),
    importDocument: async (input) => ({ status: 'imported', source: input.fileName, article }),
    importUrl: async (url) => ({ status: 'imported', source: url, article }),
    startImport: async () => ({ jobId: 'job-0001' }),
    cancelImport: async () => undefined,
    prepareImport: async () => undefined,
    tagArticles: async (_ids, tags) => [{ ...article, tags }],
    untagArticles: async () => [article],
    emptyTrash: async () => ({ removed: 0 }),
    deleteArticle: async () => undefined,
    restoreArticle: async () => article,
    deleteArticles: async () => undefined,
    restoreArticles: async (ids) => ids.map((id) => ({ ...article, id })),
    exportArticles: async () => ({ fileName: 'Quire 1 article 2026-01-01.zip', mediaType: 'application/zip', dataBase64: '' }),
    listTrash: async () => [],
    getContent: async (id) => ({ id, html: '<p>Text</p>', text: 'Text' }),
    getChapter: async (_id, chapter) => ({ chapter, html: '<section id="c1"><p>Text</p></section>' }),
    setProgress: async () => article,
    setReadState: async (_ids, readState) => [{ ...article, readState }],
    editArticle: async (_id, edit) => ({ ...article, ...edit }),
    search: async () => searchResultsOf([]),
    listAnnotations: async () => [sampleBookmark()],
    createAnnotation: async () => sampleBookmark(),
    updateAnnotation: async () => sampleBookmark(),
    deleteAnnotation: async () => undefined,
    restoreAnnotation: async (annotation) => annotation,
    listAllAnnotations: async () => [sampleBookmark()],
    exportAnnotations: async (_id, format) => exportAnnotationsFile(article, [sampleBookmark()], format),
    exportLibraryAnnotations: async (format) =>
      exportLibraryAnnotationsFile([{ article, annotations: [sampleBookmark()] }], format, '2026-01-01'),
    importAnnotations: async () => ({ added: 1, updated: 0, unchanged: 0, skipped: [], skippedSentences: [] }),
    setFirstPageCover: async () => ({ ...article, cover: 'assets/first-page.png' }),
    replaceArticleText: async () => ({ article, anchors: { exact: 1, fuzzy: 0, unplaced: 0 } }),
    getSettings: async () => DEFAULT_SETTINGS,
    setSettings: async (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    libraryHealth: async () => ({ state: 'done', checkedAt: null, repaired: [], repairedSentences: [], problems: [], problemSentences: [] }),
  };
  const service: Partial<Record<ReaderMethod, unknown>> = {};
  for (const method of READER_METHODS) service[method] = vi.fn(answers[method]);
  return service as FakeReaderService;
}
