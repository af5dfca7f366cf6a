/**
 * An in-memory `ReaderApi` for renderer tests: a small library whose calls are spies, so tests
 * can both drive the UI and check what it asked the core.
 */
import { vi, type Mock } from 'vitest';
import { checkArticleEdit } from '../../../../electron/shared/article-edit';
import { say, type CoreSentence } from '../../../../electron/shared/i18n/core-sentences';
import { englishSentence } from '../../../../electron/shared/i18n/english-sentence';
import { primaryLanguage, queryArticles } from '../../../../electron/shared/article-query';
import type { ReaderApi, ReaderMethod } from '../../../../electron/shared/contract';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type ArticleContent,
  type ArticleMeta,
  type ImportOutcome,
  type LibraryFacets,
  type Settings,
} from '../../../../electron/shared/models';
import type { ErrorCode, Result } from '../../../../electron/shared/result';
import { searchResultsOf } from '../../../support/search-results';

export type FakeApi = { [M in ReaderMethod]: Mock<ReaderApi[M]> };

export interface FakeLibrary {
  articles: ArticleMeta[];
  trash: ArticleMeta[];
  contents: Map<string, ArticleContent>;
  annotations: Annotation[];
  settings: Settings;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * An error as a newer core would send it: its sentence has an id this build does not know, so
 * the page shows the English the core sent (what these tests read).
 */
export const errorFromNewerCore = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message, sentence: { id: 'core.fromANewerQuire', values: {} } as unknown as CoreSentence },
});
const notFound = (what: string): Result<never> => ({
  ok: false,
  error: { code: 'not-found', message: `${what} not found.`, sentence: say('core.error.articleNotFound') },
});

let counter = 0;

/** The core's `listFacets`, simply: counts per value, tags without regard to case, sorted. */
function facetsOf(articles: readonly ArticleMeta[]): LibraryFacets {
  const count = <T extends string>(values: T[]) => {
    const counts = new Map<string, { value: T; count: number }>();
    for (const value of values) {
      const facet = counts.get(value.toLowerCase()) ?? { value, count: 0 };
      facet.count += 1;
      counts.set(value.toLowerCase(), facet);
    }
    return [...counts.values()].sort((a, b) => a.value.localeCompare(b.value));
  };
  return {
    tags: count(articles.flatMap((a) => a.tags)),
    formats: count(articles.map((a) => a.format)),
    languages: count(articles.flatMap((a) => primaryLanguage(a.lang) ?? [])),
  };
}

export function makeArticle(overrides: Partial<ArticleMeta> & { id: string; title: string }): ArticleMeta {
  return {
    byline: null,
    siteName: null,
    url: null,
    lang: 'en',
    dir: null,
    format: 'html',
    addedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    publishedAt: null,
    excerpt: null,
    tags: [],
    contentHash: `hash-${overrides.id}`,
    readState: 'unread',
    progress: 0,
    position: 0,
    wordCount: 100,
    source: null,
    ...overrides,
  };
}

/** Reader HTML and its canonical text (the HTML's textContent). */
export function makeContent(id: string, html: string): ArticleContent {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return { id, html, text: holder.textContent ?? '' };
}

export function createFakeApi(seed: Partial<FakeLibrary> = {}): FakeApi & { library: FakeLibrary } {
  const library: FakeLibrary = {
    articles: seed.articles ?? [],
    trash: seed.trash ?? [],
    contents: seed.contents ?? new Map(),
    annotations: seed.annotations ?? [],
    settings: seed.settings ?? { ...DEFAULT_SETTINGS },
  };
  const findArticle = (id: string) => library.articles.find((a) => a.id === id);

  const impl: ReaderApi = {
    // Copies, as a real host's answers are: the UI never holds the library's own objects.
    // As the core answers: the library as held, or the query's articles in the query's order.
    listArticles: async (query) => ok((query === undefined ? library.articles : queryArticles(library.articles, query)).map((a) => ({ ...a }))),
    listFacets: async () => ok(facetsOf(library.articles)),
    getArticle: async (id) => {
      const article = findArticle(id);
      return article ? ok({ ...article }) : notFound('Article');
    },
    importPaths: async () => ok([]),
    importDocument: async ({ fileName }) => {
      const article = makeArticle({ id: `imported-${++counter}`, title: fileName.replace(/\.[^.]+$/, '') });
      library.articles.unshift(article);
      const outcome: ImportOutcome = { status: 'imported', source: fileName, article };
      return ok(outcome);
    },
    deleteArticle: async (id) => {
      const article = findArticle(id);
      if (!article) return notFound('Article');
      library.articles = library.articles.filter((a) => a.id !== id);
      library.trash.push(article);
      return ok(undefined);
    },
    restoreArticle: async (id) => {
      const article = library.trash.find((a) => a.id === id);
      if (!article) return notFound('Article');
      library.trash = library.trash.filter((a) => a.id !== id);
      library.articles.push(article);
      return ok(article);
    },
    deleteArticles: async (ids) => {
      if (ids.some((id) => !findArticle(id))) return notFound('Article');
      library.trash.push(...library.articles.filter((a) => ids.includes(a.id)));
      library.articles = library.articles.filter((a) => !ids.includes(a.id));
      return ok(undefined);
    },
    restoreArticles: async (ids) => {
      const back = library.trash.filter((a) => ids.includes(a.id));
      if (back.length < ids.length) return notFound('Article');
      library.trash = library.trash.filter((a) => !ids.includes(a.id));
      library.articles.push(...back);
      return ok(back.map((a) => ({ ...a })));
    },
    exportArticles: async (ids) =>
      ok({ fileName: `Quire ${ids.length} articles.zip`, mediaType: 'application/zip' as const, dataBase64: btoa(ids.join(',')) }),
    listTrash: async () => ok(library.trash.map((a) => ({ ...a }))),
    emptyTrash: async () => {
      const removed = library.trash.length;
      library.trash = [];
      return ok({ removed });
    },
    importUrl: async (url) => {
      const article = makeArticle({ id: `imported-${++counter}`, title: url, url });
      library.articles.unshift(article);
      return ok<ImportOutcome>({ status: 'imported', source: url, article });
    },
    startImport: async () => ok({ jobId: `job-${++counter}` }),
    cancelImport: async () => ok(undefined),
    prepareImport: async () => ok(undefined),
    tagArticles: async (ids, tags) => {
      const changed = library.articles.filter((a) => ids.includes(a.id));
      for (const article of changed) {
        article.tags = [...article.tags, ...tags.filter((t) => !article.tags.includes(t))];
      }
      return ok(changed.map((a) => ({ ...a })));
    },
    untagArticles: async (ids, tags) => {
      const changed = library.articles.filter((a) => ids.includes(a.id));
      for (const article of changed) article.tags = article.tags.filter((t) => !tags.includes(t));
      return ok(changed.map((a) => ({ ...a })));
    },
    getContent: async (id) => {
      const content = library.contents.get(id);
      return content ? ok(content) : notFound('Content');
    },
    getChapter: async (id, chapter) => {
      const html = library.contents.get(id)?.chapters?.[chapter]?.html;
      return html === undefined ? notFound('Chapter') : ok({ chapter, html });
    },
    setProgress: async (id, progress) => {
      const article = findArticle(id);
      if (!article) return notFound('Article');
      Object.assign(article, progress);
      return ok({ ...article });
    },
    setReadState: async (ids, readState) => {
      const changed = library.articles.filter((a) => ids.includes(a.id));
      for (const article of changed) Object.assign(article, readState === 'unread' ? { readState, progress: 0, position: 0 } : { readState });
      return ok(changed.map((a) => ({ ...a })));
    },
    editArticle: async (id, edit) => {
      const checked = checkArticleEdit(edit);
      if (!checked.ok) return { ok: false, error: { code: 'invalid-argument', message: englishSentence(checked.sentence), sentence: checked.sentence } };
      const article = findArticle(id);
      if (!article) return notFound('Article');
      Object.assign(article, checked.edit);
      return ok({ ...article });
    },
    setFirstPageCover: async (id) => {
      const article = findArticle(id);
      if (!article) return notFound('Article');
      article.cover ??= 'assets/first-page.webp';
      return ok({ ...article });
    },
    search: async () => ok(searchResultsOf([])),
    listAnnotations: async (articleId) => ok(library.annotations.filter((a) => a.articleId === articleId).map((a) => ({ ...a }))),
    createAnnotation: async (input) => {
      const text = library.contents.get(input.articleId)?.text ?? '';
      const passage = input.passage && 'start' in input.passage ? input.passage : null;
      const annotation: Annotation = {
        id: `ann-${++counter}`,
        articleId: input.articleId,
        kind: input.kind,
        target: passage
          ? {
              quote: {
                type: 'TextQuoteSelector',
                exact: text.slice(passage.start, passage.end),
                prefix: text.slice(Math.max(0, passage.start - 32), passage.start),
                suffix: text.slice(passage.end, passage.end + 32),
              },
              position: { type: 'TextPositionSelector', start: passage.start, end: passage.end },
            }
          : null,
        color: input.color ?? null,
        note: input.note ?? '',
        anchorState: 'exact',
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString(),
        updatedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString(),
      };
      library.annotations.push(annotation);
      return ok({ ...annotation });
    },
    updateAnnotation: async (articleId, annotationId, patch) => {
      const annotation = library.annotations.find((a) => a.articleId === articleId && a.id === annotationId);
      if (!annotation) return notFound('Annotation');
      if (patch.note !== undefined) annotation.note = patch.note;
      if (patch.color !== undefined) annotation.color = patch.color;
      if (patch.passage && 'start' in patch.passage) {
        const text = library.contents.get(articleId)?.text ?? '';
        const { start, end } = patch.passage;
        annotation.target = {
          quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start, end },
        };
        annotation.anchorState = 'exact';
      }
      return ok({ ...annotation });
    },
    deleteAnnotation: async (articleId, annotationId) => {
      const before = library.annotations.length;
      library.annotations = library.annotations.filter((a) => !(a.articleId === articleId && a.id === annotationId));
      return library.annotations.length < before ? ok(undefined) : notFound('Annotation');
    },
    restoreAnnotation: async (annotation) => {
      library.annotations.push({ ...annotation });
      return ok({ ...annotation });
    },
    listAllAnnotations: async () => ok(library.annotations.map((a) => ({ ...a }))),
    exportAnnotations: async (articleId, format) =>
      ok({
        fileName: `${articleId}.${format === 'markdown' ? 'md' : 'json'}`,
        mediaType: format === 'markdown' ? ('text/markdown' as const) : ('application/ld+json' as const),
        text: JSON.stringify(library.annotations.filter((a) => a.articleId === articleId)),
      }),
    exportLibraryAnnotations: async (format) =>
      ok(
        format === 'markdown'
          ? { fileName: 'library.zip', mediaType: 'application/zip' as const, dataBase64: btoa(JSON.stringify(library.annotations)) }
          : { fileName: 'library.json', mediaType: 'application/ld+json' as const, text: JSON.stringify(library.annotations) },
      ),
    importAnnotations: async () => ok({ added: 0, updated: 0, unchanged: 0, skipped: [], skippedSentences: [] }),
    replaceArticleText: async (id) => {
      const article = findArticle(id);
      return article ? ok({ article, anchors: { exact: 0, fuzzy: 0, unplaced: 0 } }) : notFound('Article');
    },
    getSettings: async () => ok({ ...library.settings }),
    setSettings: async (patch) => {
      library.settings = { ...library.settings, ...patch };
      return ok({ ...library.settings });
    },
    libraryHealth: async () => ok({ state: 'done' as const, checkedAt: null, repaired: [], repairedSentences: [], problems: [], problemSentences: [] }),
  };

  const spies = Object.fromEntries(Object.entries(impl).map(([name, fn]) => [name, vi.fn(fn)])) as unknown as FakeApi;
  return Object.assign(spies, { library });
}
