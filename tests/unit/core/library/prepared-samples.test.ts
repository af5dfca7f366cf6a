import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as ImportFileModule from '../../../../electron/core/importers/import-file';
import { PREPARED_SAMPLES_FILE } from '../../../../electron/core/library/prepared-samples';
import { openQuire, type OpenQuireOptions, type QuireCore } from '../../../../electron/core/open-quire';
import { SAMPLE_LIBRARY_DIR } from '../support/corpus';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';

// Every call of the importers is counted (and still runs): a library made from the prepared
// samples must not need them.
const importFileCalls = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('../../../../electron/core/importers/import-file', async (importOriginal) => {
  const original = await importOriginal<typeof ImportFileModule>();
  return {
    ...original,
    importFile: (...args: Parameters<typeof original.importFile>) => {
      importFileCalls.names.push(args[0].fileName);
      return original.importFile(...args);
    },
  };
});

const tempDir = useTempDir();
/** What the build wrote (tests run after `scripts/build-node.mjs`: tests/support/build-once.ts). */
const BUILT_PREPARED_FILE = path.resolve('out', PREPARED_SAMPLES_FILE);

async function newLibrary(options: Partial<OpenQuireOptions> & { systemLanguages: string[] }): Promise<{ quire: QuireCore; logged: string[] }> {
  const root = tempDir();
  const logged: string[] = [];
  const data = new Map<string, unknown>();
  const quire = await openQuire({
    libraryDir: path.join(root, 'library'),
    cacheDir: path.join(root, 'cache'),
    settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
    log: (message) => logged.push(message),
    createIndex: (options) => createMemoryIndex(createMemoryIndexState(), options),
    sampleLibraryDir: SAMPLE_LIBRARY_DIR,
    ...options,
  });
  return { quire, logged };
}

/** The articles as a reader meets them: the list's fields and what the reader shows, ids and times aside. */
async function whatTheReaderSees(quire: QuireCore): Promise<unknown[]> {
  const articles = await quire.listArticles();
  return Promise.all(
    articles.map(async (article) => {
      const { html, text } = await quire.getContent(article.id);
      return { meta: { ...article, id: undefined, addedAt: undefined, updatedAt: undefined }, html, text };
    }),
  );
}

describe('the sample library read at build', () => {
  it('has every sample document of every language', () => {
    const prepared = JSON.parse(readFileSync(BUILT_PREPARED_FILE, 'utf8')) as { samples: { fileName: string }[] };
    expect(prepared.samples.map((sample) => sample.fileName).sort()).toEqual(readdirSync(SAMPLE_LIBRARY_DIR).filter((name) => !name.startsWith('.')).sort());
  });

  it.each([['en-US'], ['ja-JP'], ['ar-EG']])('makes the library the importers make, without them (system language %s)', async (language) => {
    importFileCalls.names = [];
    const prepared = await newLibrary({ systemLanguages: [language], preparedSamplesFile: BUILT_PREPARED_FILE });
    expect(importFileCalls.names).toEqual([]);
    const imported = await newLibrary({ systemLanguages: [language] });
    expect(importFileCalls.names).toHaveLength(2);

    const seen = await whatTheReaderSees(prepared.quire);
    expect(seen).toHaveLength(2);
    expect(seen).toEqual(await whatTheReaderSees(imported.quire));
    expect(prepared.logged).toEqual([]);
    await prepared.quire.close();
    await imported.quire.close();
  });

  it('imports a sample file changed since the build as it is now', async () => {
    const sampleDir = tempDir();
    cpSync(SAMPLE_LIBRARY_DIR, sampleDir, { recursive: true });
    const welcome = path.join(sampleDir, '02-welcome-to-quire.md');
    writeFileSync(welcome, readFileSync(welcome, 'utf8').replace('title: Welcome to Quire', 'title: Welcome, edited after the build'));
    importFileCalls.names = [];

    const { quire } = await newLibrary({ systemLanguages: ['en-US'], sampleLibraryDir: sampleDir, preparedSamplesFile: BUILT_PREPARED_FILE });
    expect((await quire.listArticles()).map((article) => article.title)).toEqual([expect.stringMatching(/^Iraq/), 'Welcome, edited after the build']);
    // Only the changed file went through the importers.
    expect(importFileCalls.names).toEqual(['02-welcome-to-quire.md']);
    await quire.close();
  });

  it.each([
    ['cut short', (json: string) => json.slice(0, json.length / 2), 'cannot be read'],
    ['of another format', (json: string) => json.replace('"formatVersion":1', '"formatVersion":2'), 'not one this version of Quire wrote'],
    ['with an article missing its text', (json: string) => json.replace(/"text":"/, '"texts":"'), 'not one this version of Quire wrote'],
  ])('falls back to the importers when the prepared file is %s, and says so once', async (_, damage, sentence) => {
    const damaged = path.join(tempDir(), PREPARED_SAMPLES_FILE);
    writeFileSync(damaged, damage(readFileSync(BUILT_PREPARED_FILE, 'utf8')));
    const { quire, logged } = await newLibrary({ systemLanguages: ['en-US'], preparedSamplesFile: damaged });
    expect((await quire.listArticles()).map((article) => article.title)).toEqual([expect.stringMatching(/^Iraq/), 'Welcome to Quire']);
    expect(logged).toEqual([expect.stringContaining(sentence)]);
    await quire.close();
  });

  it('imports the samples, saying nothing, where the build wrote no prepared file (a checkout never built)', async () => {
    const { quire, logged } = await newLibrary({ systemLanguages: ['en-US'], preparedSamplesFile: path.join(tempDir(), PREPARED_SAMPLES_FILE) });
    expect(await quire.listArticles()).toHaveLength(2);
    expect(logged).toEqual([]);
    await quire.close();
  });
});
