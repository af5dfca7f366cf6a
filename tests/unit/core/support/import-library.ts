/** A library opened on a temp folder with the in-memory index, for import and management tests. */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ImportOutcome } from '../../../../electron/shared/models';
import { openQuire, type OpenQuireOptions, type QuireCore } from '../../../../electron/core/open-quire';
import { createMemoryIndex, createMemoryIndexState } from './memory-search-index';
import { webPages } from './corpus';

export async function openTestLibrary(
  root: string,
  extra: Partial<Pick<OpenQuireOptions, 'maintenance' | 'settings' | 'createIndex'>> = {},
): Promise<{ core: QuireCore; libraryDir: string; logged: string[] }> {
  const data = new Map<string, unknown>();
  const libraryDir = path.join(root, 'library');
  const logged: string[] = [];
  const state = createMemoryIndexState();
  const core = await openQuire({
    libraryDir,
    cacheDir: path.join(root, 'cache'),
    settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) },
    log: (message) => logged.push(message),
    createIndex: (options) => createMemoryIndex(state, options),
    ...extra,
  });
  return { core, libraryDir, logged };
}

/**
 * What a test file builds once, in a temporary folder of its own (`root`), for its tests to copy
 * from: a library an import left, with whatever else `build` returns. Built when first asked for,
 * removed after the file's tests. Reading real books and pages takes seconds; copying what they
 * became takes milliseconds, and a test sees exactly what the import wrote.
 */
export function buildOncePerFile<T>(prefix: string, build: (root: string) => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  let root: string | undefined;
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return () => (built ??= build((root = mkdtempSync(path.join(tmpdir(), prefix)))));
}

/**
 * A library with `files` imported, for each test its own: the import runs once per test file, and
 * each test opens a copy of the library folder it left.
 */
export function useImportedLibrary(files: () => string[]): (root: string) => Promise<Awaited<ReturnType<typeof openTestLibrary>> & { outcomes: ImportOutcome[] }> {
  const imported = buildOncePerFile('quire-imported-', async (templateRoot) => {
    const { core, libraryDir } = await openTestLibrary(templateRoot);
    try {
      return { libraryDir, outcomes: await core.importPaths(files()) };
    } finally {
      await core.close();
    }
  });
  return async (root) => {
    const { libraryDir, outcomes } = await imported();
    cpSync(libraryDir, path.join(root, 'library'), { recursive: true });
    return { ...(await openTestLibrary(root)), outcomes };
  };
}

/** The corpus web pages copied into `dir` as `<name>.html` (their images are not needed here). */
export function copyWebPages(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return webPages().map((page) => {
    const target = path.join(dir, `${page.name}.html`);
    copyFileSync(page.file, target);
    return target;
  });
}

/**
 * `copies` distinct variants of every corpus page (a numbered paragraph added to each), so a test
 * can import a couple of hundred real pages that are not duplicates of one another.
 */
export function writePageVariants(dir: string, copies: number): number {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const page of webPages()) {
    const html = readFileSync(page.file, 'utf8');
    for (let copy = 1; copy <= copies; copy += 1) {
      const marked = html.replace(/<body([^>]*)>/i, `<body$1><p>Copy ${copy} of ${page.name}, kept for the import test.</p>`);
      writeFileSync(path.join(dir, `${page.name}-${String(copy).padStart(2, '0')}.html`), marked);
      written += 1;
    }
  }
  return written;
}
