/**
 * What the library watcher's file watching reports, on real folders: a note another process writes
 * into an article folder a moment after that folder appeared (an import's rename, a sync tool's new
 * folder) is reported, and half-made folders and assets are not.
 *
 * The first case failed now and then in CI with chokidar 4: it listed a new folder and only then
 * watched it, so a file written between the two was never reported (paulmillr/chokidar#1471).
 * With 200 folders and delays of 0–4 ms, chokidar 4 missed two notes in each of three runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonAtomic } from '../../../../electron/core/fs/atomic-write';
import { watchFolders, type FolderWatch } from '../../../../electron/core/library/folder-watch';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-folder-watch-');

/** Generous: files are reported within milliseconds; a loaded test machine may take longer. */
const WAIT_MS = 15_000;

async function watchedLibrary() {
  const root = tempDir();
  const articles = path.join(root, 'articles');
  const trash = path.join(root, 'trash');
  mkdirSync(articles);
  mkdirSync(trash);
  const reported = new Set<string>();
  const waiters = new Set<() => void>();
  const errors: unknown[] = [];
  const watch: FolderWatch = watchFolders(
    root,
    [articles, trash],
    (file) => {
      reported.add(file);
      for (const check of waiters) check();
    },
    (error) => errors.push(error),
  );
  await watch.ready;
  /** Resolves once every file was reported; fails naming the ones that were not. */
  const reportedAll = (files: readonly string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (files.every((file) => reported.has(file))) done(resolve);
      };
      const done = (settle: () => void): void => {
        waiters.delete(check);
        clearTimeout(timer);
        settle();
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`not reported after ${WAIT_MS} ms: ${files.filter((file) => !reported.has(file)).join(', ')}`))),
        WAIT_MS,
      );
      waiters.add(check);
      check();
    });
  return { root, articles, reported, errors, reportedAll, close: () => watch.close() };
}

/** An article folder made as the store makes it: staged beside the others, then renamed into place. */
async function addArticleFolder(articles: string, id: string): Promise<string> {
  const staging = path.join(articles, `.tmp-${id}`);
  await mkdir(path.join(staging, 'annotations'), { recursive: true });
  await writeJsonAtomic(path.join(staging, 'article.json'), { id });
  const dir = path.join(articles, id);
  await rename(staging, dir);
  return dir;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the library folder watch', () => {
  it('reports a note written into an article folder a moment after the folder appeared', async () => {
    const library = await watchedLibrary();
    try {
      const notes: string[] = [];
      for (let i = 0; i < 200; i += 1) {
        const dir = await addArticleFolder(library.articles, `article-${i}`);
        // From at once to a few milliseconds later: the new folder is being listed and watched meanwhile.
        await pause(i % 5);
        const note = path.join(dir, 'annotations', 'note-1.json');
        await writeJsonAtomic(note, { note: `written into article ${i}` });
        notes.push(note);
      }
      await library.reportedAll(notes);
      expect(library.errors).toEqual([]);
    } finally {
      await library.close();
    }
  });

  it('does not report half-made article folders nor assets', async () => {
    const library = await watchedLibrary();
    try {
      const dir = await addArticleFolder(library.articles, 'article');
      await library.reportedAll([path.join(dir, 'article.json')]);
      const staged = path.join(library.articles, '.tmp-other', 'article.json');
      mkdirSync(path.dirname(staged));
      writeFileSync(staged, '{}');
      mkdirSync(path.join(dir, 'assets'));
      const asset = path.join(dir, 'assets', 'figure.png');
      writeFileSync(asset, 'not really a picture');
      // Written after the others: once it is reported, they would have been.
      const note = path.join(dir, 'annotations', 'note-1.json');
      await writeJsonAtomic(note, { note: 'last' });
      await library.reportedAll([note]);
      const reportedNames = [...library.reported].map((file) => path.relative(library.root, file));
      expect(reportedNames.filter((name) => name.includes('.tmp-') || name.includes('assets'))).toEqual([]);
    } finally {
      await library.close();
    }
  });
});
