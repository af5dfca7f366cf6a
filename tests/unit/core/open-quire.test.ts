import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../electron/core/importers/dom-window';
import { ARTICLE_LOCKS } from '../../../electron/core/library/library-locks';
import { openQuire, type OpenQuireOptions, type QuireCore } from '../../../electron/core/open-quire';
import type { KeyValueStore } from '../../../electron/core/settings/key-value-store';
import { createDirectApi } from '../../../electron/shared/dispatch';
import type { ImportHostReply } from '../../../electron/core/import-jobs/import-host-protocol';
import type { ImportOutcome } from '../../../electron/shared/models';
import { SAMPLE_LIBRARY_DIR, SEED_FILE, SEED_TITLE, webPages } from './support/corpus';
import { createMemoryIndex, createMemoryIndexState, type MemoryIndexState } from './support/memory-search-index';
import { useTempDir } from './support/temp-dir';
import { buildOncePerFile } from './support/import-library';

const tempDir = useTempDir();
const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000001f15c4889', 'hex');

interface Setup {
  root: string;
  libraryDir: string;
  index: MemoryIndexState;
  settings: KeyValueStore;
  logged: string[];
  open(extra?: Partial<OpenQuireOptions>): Promise<QuireCore>;
}

function setup(): Setup {
  const root = tempDir();
  const data = new Map<string, unknown>();
  const s: Setup = {
    root,
    libraryDir: path.join(root, 'library'),
    index: createMemoryIndexState(),
    settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
    logged: [],
    open: (extra = {}) =>
      openQuire({
        libraryDir: s.libraryDir,
        cacheDir: path.join(root, 'cache'),
        settings: s.settings,
        log: (m) => s.logged.push(m),
        createIndex: (options) => createMemoryIndex(s.index, options),
        // Whatever the machine's language, the tests' system speaks English unless one says otherwise.
        systemLanguages: ['en-US'],
        ...extra,
      }),
  };
  return s;
}

/** A library without the sample articles. */
async function emptyLibrary(s: Setup): Promise<QuireCore> {
  return s.open();
}

/**
 * The seed article imported into an empty library once per file: the tests that only need it in a
 * library open their own copy of that library (an import starts the import host and reads the file,
 * about a second each time; the tests of importing import for themselves).
 */
const seedTemplate = buildOncePerFile('quire-seed-template-', async (seedTemplateRoot): Promise<{ libraryDir: string; id: string }> => {
  const s = setup();
  const libraryDir = path.join(seedTemplateRoot, 'library');
  const quire = await openQuire({ libraryDir, cacheDir: path.join(seedTemplateRoot, 'cache'), settings: s.settings, log: () => {}, createIndex: (options) => createMemoryIndex(undefined, options), systemLanguages: ['en-US'] });
  try {
    const [outcome] = await quire.importPaths([SEED_FILE]);
    if (outcome?.status !== 'imported') throw new Error('seed not imported');
    return { libraryDir, id: outcome.article.id };
  } finally {
    await quire.close();
  }
});

/** `s`'s library with the seed article in it, opened: its id. */
async function seededLibrary(s: Setup): Promise<{ quire: QuireCore; id: string }> {
  const { libraryDir, id } = await seedTemplate();
  cpSync(libraryDir, s.libraryDir, { recursive: true });
  return { quire: await s.open(), id };
}

function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** Everything under articles/ and trash/, to show a failed operation changed nothing. */
/**
 * Every file and folder of the library, except the article locks' folder: a refused write still
 * takes the article's lock to look at the disk, and the emptied folder of lock files it leaves is
 * no part of the library (it is never synced or listed).
 */
function libraryListing(libraryDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).filter((e) => e.name !== ARTICLE_LOCKS).flatMap((e) =>
      e.isDirectory() ? [`${path.join(dir, e.name)}/`, ...walk(path.join(dir, e.name))] : [path.join(dir, e.name)],
    );
  return walk(libraryDir).map((p) => path.relative(libraryDir, p)).sort();
}

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('a brand-new library', () => {
  it('opens with the sample articles, the seed article on top', async () => {
    const s = setup();
    const quire = await s.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR });
    const articles = await quire.listArticles();
    expect(articles.map((a) => a.title)).toEqual([SEED_TITLE, 'Welcome to Quire']);
    const welcome = await quire.getContent(articles[1]!.id);
    expect(welcome.text).toContain('Ctrl+K');
    expect(welcome.text).toContain('npx quire import PATH');
    expect(welcome.text).not.toMatch(/^Welcome to Quire/); // the title is not repeated in the body
    expect(readFileSync(path.join(s.libraryDir, 'quire-library.json'), 'utf8')).toContain('"formatVersion": 1');

    await quire.whenIndexed();
    expect([...s.index.documents.keys()].sort()).toEqual(articles.map((a) => a.id).sort());
    await quire.close();
  });

  it('greets the reader in the interface language in force when the library is made, in English when none matches', async () => {
    const welcomeOf = async (quire: QuireCore) => {
      const articles = await quire.listArticles();
      await quire.close();
      expect(articles.map((a) => a.title)[0]).toBe(SEED_TITLE); // the seed article has no translation
      return articles[1]!;
    };
    const chosen = setup();
    chosen.settings.set('language', 'de');
    expect(await welcomeOf(await chosen.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR, systemLanguages: ['fr-FR'] }))).toMatchObject({
      title: 'Willkommen bei Quire',
      lang: 'de',
    });
    const arabicSystem = setup();
    expect(await welcomeOf(await arabicSystem.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR, systemLanguages: ['ar-EG', 'en-US'] }))).toMatchObject({
      title: 'مرحبًا بك في Quire',
      dir: 'rtl',
    });
    const chineseSystem = setup();
    expect((await welcomeOf(await chineseSystem.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR, systemLanguages: ['zh-TW'] }))).title).toBe('欢迎使用 Quire');
    const dutchSystem = setup();
    expect((await welcomeOf(await dutchSystem.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR, systemLanguages: ['nl-NL'] }))).title).toBe('Welcome to Quire');
  });

  it('does not add the samples again to a library that exists, even when they were deleted', async () => {
    const s = setup();
    const first = await s.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR });
    for (const article of await first.listArticles()) await first.deleteArticle(article.id);
    await first.close();
    const again = await s.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR });
    expect(await again.listArticles()).toEqual([]);
    await again.close();
  });
});

describe('importing', () => {
  it('starts the import host when the page says files may come, once, and reads its warm-up page there', async () => {
    const s = setup();
    const spawned: string[][] = [];
    const quire = await s.open({
      spawnImportHost: () => {
        const requests: string[] = [];
        spawned.push(requests);
        let listener: (reply: ImportHostReply) => void = () => {};
        let exited: (how: string) => void = () => {};
        queueMicrotask(() => listener({ type: 'ready' }));
        return {
          pid: null,
          send: (request) => void requests.push(request.type),
          onMessage: (next) => (listener = next),
          onExit: (next) => (exited = next),
          kill: () => exited('signal SIGTERM'),
        };
      },
    });
    try {
      expect(spawned).toEqual([]);
      const api = createDirectApi(quire);
      expect(await api.prepareImport()).toEqual({ ok: true, value: undefined });
      await expect.poll(() => spawned).toEqual([['warm']]);
      // files dragged over the window again: the same host
      await api.prepareImport();
      expect(spawned).toHaveLength(1);
    } finally {
      await quire.close();
    }
  });

  it('imports real web pages, text and Markdown from a folder, recursively, skipping hidden files', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const source = path.join(s.root, 'to-import');
    const pages = webPages().filter((p) => ['bbc-1', 'lemonde-1', 'rtl-1'].includes(p.name));
    pages.forEach((p, i) => {
      mkdirSync(path.join(source, `site-${i}`), { recursive: true });
      copyFileSync(p.file, path.join(source, `site-${i}`, `${p.name}.html`));
    });
    copyFileSync(SEED_FILE, path.join(source, 'seed.txt'));
    writeFiles(source, { 'notes.md': '# Notes\n\nA note.', '.hidden.txt': 'Secret\nnot imported', '.git/config.txt': 'x\ny' });

    const outcomes = await quire.importPaths([source]);
    expect(outcomes.map((o) => [path.relative(source, o.source), o.status])).toEqual([
      ['notes.md', 'imported'],
      ['seed.txt', 'imported'],
      ['site-0/bbc-1.html', 'imported'],
      ['site-1/lemonde-1.html', 'imported'],
      ['site-2/rtl-1.html', 'imported'],
    ]);
    const titles = (await quire.listArticles()).map((a) => a.title);
    expect(titles).toEqual([...pages.map((p) => p.expected.title)].reverse().concat([SEED_TITLE, 'Notes']));

    const bbc = (await quire.listArticles()).find((a) => a.siteName === 'BBC News')!;
    expect(bbc).toMatchObject({ format: 'html', lang: 'en', byline: 'BBC News', readState: 'unread', source: 'bbc-1.html' });
    expect(bbc.wordCount).toBeGreaterThan(500);
    const content = await quire.getContent(bbc.id);
    expect(parseFragment(content.html).textContent).toBe(content.text);
    const folder = path.join(s.libraryDir, 'articles', bbc.id);
    expect(readdirSync(folder).sort()).toEqual(['annotations', 'article.json', 'content.html', 'original.html', 'text.txt']);
    expect(readFileSync(path.join(folder, 'original.html'))).toEqual(readFileSync(pages[0]!.file));
    await quire.close();
    // Every page is parsed in the import workers, which each load jsdom first: slow on a busy machine.
  }, 90_000);

  it('reports a second import of the same article as a duplicate and keeps one copy', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const [first] = await quire.importPaths([SEED_FILE]);
    expect(first?.status).toBe('imported');
    const before = libraryListing(s.libraryDir);

    const [again] = await quire.importPaths([SEED_FILE]);
    expect(again).toEqual({ status: 'duplicate', source: SEED_FILE, article: (first as { article: unknown }).article });
    const viaBytes = await quire.importDocument({ fileName: 'copy.txt', dataBase64: readFileSync(SEED_FILE).toString('base64') });
    expect(viaBytes.status).toBe('duplicate');
    expect(await quire.listArticles()).toHaveLength(1);
    expect(libraryListing(s.libraryDir)).toEqual(before);
    await quire.close();
  });

  it('imports bytes handed over by the UI', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const outcome = await quire.importDocument({
      fileName: 'dropped.md',
      dataBase64: Buffer.from('# Dropped\n\nFrom a drag and drop.').toString('base64'),
    });
    expect(outcome).toMatchObject({ status: 'imported', source: 'dropped.md', article: { title: 'Dropped', format: 'md', source: 'dropped.md' } });
    await quire.close();
  });

  it('gives a specific reason for each file it cannot import, and changes nothing', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    await quire.importPaths([SEED_FILE]);
    const before = libraryListing(s.libraryDir);
    const bad = path.join(s.root, 'bad');
    writeFiles(bad, { 'empty.txt': '', 'image.html': PNG, 'book.xyz': 'hello', 'blank.html': '<html><body><script>x()</script></body></html>' });

    const outcomes = await quire.importPaths([
      path.join(bad, 'empty.txt'),
      path.join(bad, 'image.html'),
      path.join(bad, 'book.xyz'),
      path.join(bad, 'blank.html'),
      path.join(bad, 'missing.txt'),
    ]);
    const reasons = outcomes.map((o: ImportOutcome) => (o.status === 'failed' ? o.reason : o.status));
    expect(reasons).toEqual([
      'The file is empty.',
      'This file does not look like a text/HTML document.',
      'Quire cannot import .xyz files yet (supported: .epub, .pdf, .html, .htm, .xhtml, .md, .markdown, .txt).',
      'This page has no readable text.',
      'The file does not exist.',
    ]);
    const png = await quire.importDocument({ fileName: 'photo.html', dataBase64: PNG.toString('base64') });
    expect(png).toEqual({
      status: 'failed',
      source: 'photo.html',
      reason: 'This file does not look like a text/HTML document.',
      sentence: { id: 'core.import.notTextDocument', values: {} },
    });

    expect(await quire.listArticles()).toHaveLength(1);
    expect(libraryListing(s.libraryDir)).toEqual(before);
    expect(s.logged).toEqual([]);
    await quire.close();
  });
});

describe('the trash', () => {
  it('deletes to the trash and restores, with search following', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const [outcome] = await quire.importPaths([SEED_FILE]);
    const id = (outcome as { article: { id: string } }).article.id;
    expect((await quire.search('Kurdistan')).hits).toHaveLength(1);

    await quire.deleteArticle(id);
    expect(await quire.listArticles()).toEqual([]);
    expect((await quire.listTrash()).map((a) => a.id)).toEqual([id]);
    expect(existsSync(path.join(s.libraryDir, 'trash', id, 'text.txt'))).toBe(true);
    expect((await quire.search('Kurdistan')).hits).toEqual([]);
    await expect(quire.getArticle(id)).rejects.toMatchObject({ code: 'not-found' });

    const restored = await quire.restoreArticle(id);
    expect(restored.title).toBe(SEED_TITLE);
    expect((await quire.listArticles()).map((a) => a.id)).toEqual([id]);
    expect(await quire.listTrash()).toEqual([]);
    expect((await quire.search('Kurdistan')).hits.map((h) => h.articleId)).toEqual([id]);
    await quire.close();
  });

  it('answers unknown ids with "not found" through the contract', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const api = createDirectApi(quire);
    expect(await api.getArticle('article-unknown')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That article is not in the library.', sentence: { id: 'core.error.articleNotFound', values: {} } },
    });
    expect((await api.deleteArticle('article-unknown')).ok).toBe(false);
    expect(await api.restoreArticle('article-unknown')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That article is not in the trash.', sentence: { id: 'core.error.notInTrash', values: {} } },
    });
    expect((await api.getContent('article-unknown')).ok).toBe(false);
    expect((await api.listAnnotations('article-unknown')).ok).toBe(false);
    await quire.close();
  });
});

describe('bookmarks and notes', () => {
  async function withSeed(s: Setup): Promise<{ quire: QuireCore; id: string; text: string }> {
    const { quire, id } = await seededLibrary(s);
    return { quire, id, text: (await quire.getContent(id)).text };
  }

  it('anchors a bookmark from a selection and a note from a quote, and keeps them across reopening', async () => {
    const s = setup();
    const { quire, id, text } = await withSeed(s);
    const start = text.indexOf('collective security in the region');
    const bookmark = await quire.createAnnotation({
      articleId: id,
      kind: 'bookmark',
      passage: { start, end: start + 33 },
      color: 'green',
    });
    expect(bookmark.target?.quote.exact).toBe('collective security in the region');
    expect(bookmark.color).toBe('green');

    const note = await quire.createAnnotation({
      articleId: id,
      kind: 'note',
      passage: { quote: 'Baghdad conference will be held in Jordan' },
      note: 'Check the **date** of the Jordan meeting.',
    });
    expect(note.target?.position.start).toBe(text.indexOf('Baghdad conference will be held in Jordan'));
    const whole = await quire.createAnnotation({ articleId: id, kind: 'note', note: 'About the whole article.' });
    expect(whole.target).toBeNull();

    const updated = await quire.updateAnnotation(id, bookmark.id, { color: null, note: 'Key line' });
    expect(updated).toMatchObject({ color: null, note: 'Key line' });
    await quire.close();

    const reopened = await s.open();
    const listed = await reopened.listAnnotations(id);
    expect(listed.map((a) => a.id)).toEqual([whole.id, bookmark.id, note.id]);
    expect(listed[1]).toEqual(updated);
    expect(existsSync(path.join(s.libraryDir, 'articles', id, 'annotations', `${note.id}.json`))).toBe(true);

    await reopened.deleteAnnotation(id, note.id);
    expect((await reopened.listAnnotations(id)).map((a) => a.id)).toEqual([whole.id, bookmark.id]);
    await reopened.close();
  });

  it('finds notes in search, and stops finding them once deleted', async () => {
    const s = setup();
    const { quire, id } = await withSeed(s);
    const note = await quire.createAnnotation({ articleId: id, kind: 'note', passage: { quote: 'IRNA' }, note: 'zebracrossing' });
    const { hits } = await quire.search('zebracrossing');
    expect(hits).toEqual([expect.objectContaining({ articleId: id, annotationId: note.id, kind: 'note' })]);
    await quire.deleteAnnotation(id, note.id);
    expect((await quire.search('zebracrossing')).hits).toEqual([]);
    await quire.close();
  });

  it('refuses a quote that is not in the article, and offsets past its end, writing nothing', async () => {
    const s = setup();
    const { quire, id, text } = await withSeed(s);
    const before = libraryListing(s.libraryDir);
    await expect(quire.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote: 'not in this article at all' } })).rejects.toMatchObject({
      code: 'quote-not-found',
      message: 'That passage is not in the article.',
    });
    await expect(quire.createAnnotation({ articleId: id, kind: 'bookmark', passage: { start: 0, end: text.length + 5 } })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(quire.createAnnotation({ articleId: 'article-unknown', kind: 'note', note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(quire.updateAnnotation(id, 'annotation-unknown', { note: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'That bookmark or note does not exist.',
    });
    await expect(quire.deleteAnnotation(id, 'annotation-unknown')).rejects.toMatchObject({ code: 'not-found' });
    expect(libraryListing(s.libraryDir)).toEqual(before);
    await quire.close();
  });
});

describe('reading progress', () => {
  it('marks an article as being read, then finished, and remembers where the reader was', async () => {
    const s = setup();
    const { quire, id } = await seededLibrary(s);

    expect(await quire.setProgress(id, { progress: 0.4, position: 120 })).toMatchObject({ readState: 'reading', progress: 0.4, position: 120 });
    expect((await quire.setProgress(id, { progress: 0.99, position: 3000 })).readState).toBe('finished');
    // Going back to look something up does not un-finish it.
    expect((await quire.setProgress(id, { progress: 0.2, position: 40 })).readState).toBe('finished');
    await quire.close();

    const reopened = await s.open();
    expect(await reopened.getArticle(id)).toMatchObject({ readState: 'finished', progress: 0.2, position: 40 });
    await reopened.close();
  });

  it('tells search which articles were read last, most recent first, to break ties with', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    const pages = webPages().filter((page) => ['bbc-1', 'lemonde-1'].includes(page.name)).map((page) => page.file);
    const ids = (await quire.importPaths([SEED_FILE, ...pages])).map((outcome) => (outcome as { article: { id: string } }).article.id);
    const [first, second, unread] = ids as [string, string, string];
    await quire.setProgress(second, { progress: 0.1, position: 5 });
    await quire.setProgress(first, { progress: 0.3, position: 50 });
    await quire.search('Iraq');
    expect(s.index.lastContext?.recentlyRead).toEqual([first, second]);
    expect(s.index.lastContext?.recentlyRead).not.toContain(unread);
    // Kept in article.json: after a restart the order is the same.
    await quire.close();
    const reopened = await s.open();
    await reopened.search('Iraq');
    expect(s.index.lastContext?.recentlyRead).toEqual([first, second]);
    await reopened.close();
  });
});

describe('settings', () => {
  it('are read and written through the settings port', async () => {
    const s = setup();
    const quire = await emptyLibrary(s);
    expect((await quire.getSettings()).theme).toBe('system');
    expect(await quire.setSettings({ theme: 'dark', fontSize: 21 })).toMatchObject({ theme: 'dark', fontSize: 21 });
    expect(s.settings.get('theme')).toBe('dark');
    await quire.close();
  });

  it('forget the last article once it is in the trash', async () => {
    const s = setup();
    const { quire, id } = await seededLibrary(s);
    await quire.setSettings({ lastArticleId: id });
    expect((await quire.getSettings()).lastArticleId).toBe(id);
    await quire.deleteArticle(id);
    expect((await quire.getSettings()).lastArticleId).toBeNull();
    await quire.close();
  });
});

describe('the search index', () => {
  it('is only updated for what changed since it was last open', async () => {
    const s = setup();
    const quire = await s.open({ sampleLibraryDir: SAMPLE_LIBRARY_DIR });
    const [seed, welcome] = await quire.listArticles();
    await quire.close();
    expect(s.index.flushed).toBe(1);
    expect(s.index.closed).toBe(1);

    const unchanged = await s.open();
    await unchanged.whenIndexed();
    expect(s.index.replaced).toEqual([]);
    // Reading progress does not make the index stale; a new note does.
    await unchanged.setProgress(seed!.id, { progress: 0.5, position: 10 });
    await unchanged.close();
    const writer = await s.open();
    await writer.whenIndexed();
    expect(s.index.replaced).toEqual([]);
    await writer.close();

    // A change made while the index was not looking (another machine syncing a note in).
    mkdirSync(path.join(s.libraryDir, 'articles', welcome!.id, 'annotations'), { recursive: true });
    writeFileSync(
      path.join(s.libraryDir, 'articles', welcome!.id, 'annotations', 'synced-note.json'),
      JSON.stringify({ id: 'synced-note', articleId: welcome!.id, kind: 'note', target: null, color: null, note: 'from elsewhere', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' }),
    );
    const later = await s.open();
    await later.whenIndexed();
    expect(s.index.replaced).toEqual([welcome!.id]);
    expect((await later.search('elsewhere')).hits.map((h) => h.annotationId)).toEqual(['synced-note']);
    await later.close();
  });

  it('failing to start does not keep the library from opening', async () => {
    const s = setup();
    const quire = await s.open({
      sampleLibraryDir: SAMPLE_LIBRARY_DIR,
      createIndex: () => {
        throw new Error('no worker');
      },
    });
    expect(await quire.listArticles()).toHaveLength(2);
    await expect(quire.search('Iraq')).rejects.toMatchObject({ code: 'internal' });
    expect(s.logged.join('\n')).toContain('search index');
    await quire.close();
  });

  it('works with the real Lunr index', async () => {
    const s = setup();
    // No `createIndex`: the default, the Lunr search worker.
    const quire = await openQuire({
      libraryDir: s.libraryDir,
      cacheDir: path.join(s.root, 'cache'),
      settings: s.settings,
      sampleLibraryDir: SAMPLE_LIBRARY_DIR,
      log: (m, e) => s.logged.push(`${m} ${String(e)}`),
    });
    const [seed] = await quire.listArticles();
    const hit = only((await quire.search('Kurdistan')).hits);
    expect(hit).toMatchObject({ articleId: seed!.id, kind: 'article', title: SEED_TITLE });
    await quire.close();
    expect(s.logged).toEqual([]);
  });
});
