/**
 * Search in the reader's language: each article is stemmed in its own language, Chinese and
 * Japanese are cut into bigrams, and a mixed library still finds each language's inflections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import type { SearchDocument } from '../../../../electron/core/search/search-index';
import {
  SEED,
  articleDocuments,
  fingerprintOf,
  tempLibrary,
  webPage,
  type TempLibrary,
  type TestArticle,
} from './search-fixtures';

interface LangArticle extends TestArticle {
  lang: string | null;
}

function pageArticle(name: string, id: string, lang: string | null): LangArticle {
  const page = webPage(name);
  return { id, title: page.title, text: page.text, byline: page.byline, siteName: page.siteName, lang };
}

// Real pages where the corpus has them; short sentences for the languages it lacks.
const ARTICLES: LangArticle[] = [
  { ...SEED, lang: 'en' },
  pageArticle('lemonde-1', 'lemonde-page', 'fr'),
  pageArticle('heise', 'heise-page', 'de'),
  pageArticle('qq', 'qq-page', 'zh-CN'),
  pageArticle('wikipedia', 'wikipedia-page', 'en'),
  {
    id: 'arabic-note',
    title: 'زيارة',
    text: 'زرت المكتبة الوطنية أمس وقرأت كتبا كثيرة عن تاريخ المدينة.',
    lang: 'ar',
  },
  {
    id: 'russian-note',
    title: 'Заметка',
    text: 'Новые книги появились в городской библиотеке на прошлой неделе.',
    lang: 'ru',
  },
  {
    id: 'spanish-note',
    title: 'Nota',
    text: 'Las relaciones internacionales del país cambiaron después de las elecciones.',
    lang: 'es',
  },
  {
    id: 'japanese-note',
    title: 'メモ',
    text: '東京の図書館で新しい本を借りました。',
    lang: 'ja',
  },
];

function documents(article: LangArticle): SearchDocument[] {
  return articleDocuments(article).map((doc) => ({ ...doc, lang: article.lang }));
}

let library: TempLibrary;
let engine: SearchEngine;

const ids = async (query: string) => (await engine.search(query)).map((hit) => hit.articleId);

beforeAll(async () => {
  library = tempLibrary();
  engine = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: () => undefined });
  await engine.open([]);
  for (const article of ARTICLES) library.write(article);
  await engine.replaceArticles(ARTICLES.map((article) => ({ fingerprint: fingerprintOf(article), documents: documents(article) })));
});

afterAll(async () => {
  await engine.close();
  library.remove();
});

const text = (id: string) => ARTICLES.find((article) => article.id === id)!.text;

describe('stemming in each article’s language', () => {
  it('finds French inflections in the French article', async () => {
    // The page says "députés" and "nationale", never "deputees" or "nationales".
    expect(text('lemonde-page')).not.toMatch(/nationales/i);
    expect(await ids('nationales')).toContain('lemonde-page');
    expect(await ids('député')).toContain('lemonde-page');
    const [hit] = await engine.search('députée');
    expect(hit?.articleId).toBe('lemonde-page');
    expect(hit?.snippet).toMatch(/<mark>député/i);
  });

  it('finds German inflections in the German article', async () => {
    expect(text('heise-page')).not.toMatch(/Passwortes/);
    expect(await ids('Passwortes')).toContain('heise-page');
    expect(await ids('Anwendungen')).toContain('heise-page');
  });

  it('finds Arabic words with and without the article, singular and plural', async () => {
    expect(await ids('مكتبة')).toEqual(['arabic-note']);
    expect(await ids('المدينة')).toEqual(['arabic-note']);
    expect(await ids('مدينة')).toEqual(['arabic-note']);
    const [hit] = await engine.search('مكتبة');
    expect(hit?.snippet).toContain('<mark>المكتبة</mark>');
  });

  it('finds Russian and Spanish inflections', async () => {
    expect(await ids('библиотека')).toEqual(['russian-note']);
    expect(await ids('книга')).toEqual(['russian-note']);
    expect(await ids('новый')).toEqual(['russian-note']);
    expect(await ids('relación')).toEqual(['spanish-note']);
    expect(await ids('relacion')).toEqual(['spanish-note']);
  });

  it('still finds English inflections in a mixed library', async () => {
    expect(SEED.text).toMatch(/\brelations\b/);
    expect(await ids('relation')).toContain('seed-article');
    expect(await ids('ministers')).toContain('seed-article');
  });
});

describe('Chinese and Japanese', () => {
  it('finds a Chinese word of the page, typed without spaces, with the whole word marked', async () => {
    const word = text('qq-page').match(/[\p{Script=Han}]{3}/u)?.[0];
    expect(word).toBeDefined();
    const [hit] = await engine.search(word!);
    expect(hit?.articleId).toBe('qq-page');
    expect(hit?.snippet).toContain(`<mark>${word}</mark>`);
  });

  it('finds Japanese words inside a sentence without spaces', async () => {
    expect(await ids('図書館')).toEqual(['japanese-note']);
    expect(await ids('東京')).toEqual(['japanese-note']);
    expect(await ids('図書室')).toEqual([]);
  });

  it('finds a single character, which bigrams alone never matched, and marks it in the snippet', async () => {
    // 館 and 京 occur only inside longer words of the Japanese note (図書館, 東京)
    expect(await ids('館')).toEqual(['japanese-note']);
    expect(await ids('京')).toEqual(['japanese-note']);
    const [hit] = await engine.search('館');
    expect(hit?.snippet).toContain('<mark>');
    const char = text('qq-page').match(/\p{Script=Han}/u)?.[0];
    expect(await ids(char!)).toContain('qq-page');
  });
});
