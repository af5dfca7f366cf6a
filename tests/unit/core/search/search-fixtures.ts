/**
 * Real documents for the search tests (the seed article and web pages of tests/fixtures/corpus) and
 * a throwaway library folder holding their text.txt.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleFingerprint, SearchDocument } from '../../../../electron/core/search/search-index';
import { SEED_FILE, WEB_PAGES_DIR } from '../../../support/corpus-paths';


export const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
export const SEED_TITLE = SEED_TEXT.split('\n')[0] ?? '';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible text of an HTML page, roughly as a reader would extract it. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

export interface WebPage {
  text: string;
  html: string;
  title: string;
  byline: string;
  siteName: string;
}

export function webPage(name: string): WebPage {
  const dir = path.join(WEB_PAGES_DIR, name);
  const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
  const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
  };
  return { html, text: htmlToText(html), title: meta.title ?? name, byline: meta.byline ?? '', siteName: meta.siteName ?? '' };
}

export interface TestArticle {
  id: string;
  title: string;
  text: string;
  byline?: string;
  siteName?: string;
  tags?: string[];
  /** BCP 47 language tag (English when not given) */
  lang?: string | null;
  annotations?: TestAnnotation[];
}

export interface TestAnnotation {
  id: string;
  kind: 'bookmark' | 'note';
  note: string;
  /** a passage of the article text, located by its first occurrence */
  quote?: string;
}

export function articleDocuments(article: TestArticle): SearchDocument[] {
  const shared = {
    articleId: article.id,
    title: article.title,
    byline: article.byline ?? '',
    siteName: article.siteName ?? '',
    tags: article.tags ?? [],
    lang: article.lang === undefined ? 'en' : article.lang,
  };
  const docs: SearchDocument[] = [
    { ...shared, ref: article.id, annotationId: null, kind: 'article', body: article.text, notes: '', passage: null },
  ];
  for (const annotation of article.annotations ?? []) {
    const start = annotation.quote === undefined ? -1 : article.text.indexOf(annotation.quote);
    if (annotation.quote !== undefined && start < 0) throw new Error(`quote not in ${article.id}`);
    docs.push({
      ...shared,
      ref: `${article.id}/${annotation.id}`,
      annotationId: annotation.id,
      kind: annotation.kind,
      body: annotation.quote ?? '',
      notes: annotation.note,
      passage: annotation.quote === undefined ? null : { start, end: start + annotation.quote.length },
    });
  }
  return docs;
}

export function fingerprintOf(article: TestArticle, version = 1): ArticleFingerprint {
  return { articleId: article.id, fingerprint: `${article.id}@${version}` };
}

export interface TempLibrary {
  libraryDir: string;
  indexDir: string;
  write(article: TestArticle): void;
  remove(): void;
}

/** A library folder with articles/<id>/text.txt, and a separate cache folder for the index. */
export function tempLibrary(): TempLibrary {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-search-'));
  const libraryDir = path.join(root, 'library');
  const indexDir = path.join(root, 'cache', 'index');
  mkdirSync(libraryDir, { recursive: true });
  return {
    libraryDir,
    indexDir,
    write(article) {
      const dir = path.join(libraryDir, 'articles', article.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'text.txt'), article.text);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const SEED: TestArticle = {
  id: 'seed-article',
  title: SEED_TITLE,
  text: SEED_TEXT,
  siteName: 'Al Mayadeen English',
  tags: ['middle-east'],
};

function pageArticle(name: string, id: string): TestArticle {
  const page = webPage(name);
  return { id, title: page.title, text: page.text, byline: page.byline, siteName: page.siteName };
}

/** The seed plus real pages: English news, French (accents), Chinese, Arabic in a language menu. */
export function corpusArticles(): TestArticle[] {
  return [
    SEED,
    pageArticle('mozilla-1', 'mozilla-page'),
    pageArticle('lemonde-1', 'lemonde-page'),
    pageArticle('bbc-1', 'bbc-page'),
    pageArticle('lwn-1', 'lwn-page'),
    pageArticle('qq', 'qq-page'),
    pageArticle('wikipedia', 'wikipedia-page'),
  ];
}
