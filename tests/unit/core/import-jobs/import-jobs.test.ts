import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFinishedEvent, ImportProgressEvent } from '../../../../electron/shared/models';
import { webPages } from '../support/corpus';
import { copyWebPages, openTestLibrary, writePageVariants } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';
import { makeEpub } from '../importers/support/make-zip';

const tempDir = useTempDir('quire-import-');

function recordEvents(core: Awaited<ReturnType<typeof openTestLibrary>>['core']) {
  const progress: ImportProgressEvent[] = [];
  let resolveFinished: (summary: ImportFinishedEvent) => void = () => {};
  const finished = new Promise<ImportFinishedEvent>((resolve) => {
    resolveFinished = resolve;
  });
  core.events.on('import-progress', (event) => progress.push(event));
  core.events.on('import-finished', (summary) => resolveFinished(summary));
  return { progress, finished };
}

// Imports run in the import host below normal priority: beside the other test worker's busy
// processes it may get little of a core, so a minute rather than the default half (the slowest of
// these took 13 s so; a hang still fails).
describe('bulk import jobs', { timeout: 60_000 }, () => {
  it('imports a folder of real pages in the background, with progress and a summary of every failure and duplicate', async () => {
    const root = tempDir();
    const folder = path.join(root, 'pages');
    const pages = copyWebPages(path.join(folder, 'web'));
    // The same page again under another name, an empty page, and what else sits in such folders:
    // a stylesheet and an image (not documents), and the "<page>_files" folder a browser saves.
    writeFileSync(path.join(folder, 'again.html'), readFileSync(pages[0]!));
    writeFileSync(path.join(folder, 'empty.html'), '');
    writeFileSync(path.join(folder, 'notes.xyz'), 'not a format');
    writeFileSync(path.join(folder, 'web', 'style.css'), 'p { color: red }');
    mkdirSync(path.join(folder, 'saved'), { recursive: true });
    writeFileSync(path.join(folder, 'saved', 'Saved page.html'), '<html><head><title>Saved page</title></head><body><p>The article a browser saved.</p></body></html>');
    mkdirSync(path.join(folder, 'saved', 'Saved page_files'));
    writeFileSync(path.join(folder, 'saved', 'Saved page_files', 'ad-frame.html'), '<html><body><p>An advertisement frame.</p></body></html>');
    writeFileSync(path.join(folder, 'saved', 'Saved page_files', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { core } = await openTestLibrary(root);
    try {
      const { progress, finished } = recordEvents(core);
      const { jobId } = await core.startImport([folder]);
      const summary = await finished;

      expect(summary.jobId).toBe(jobId);
      expect(summary.cancelled).toBe(false);
      const fileCount = pages.length + 3;
      expect(summary.total).toBe(fileCount);
      expect(summary.counts.duplicates).toBe(1);
      expect(summary.duplicates).toEqual([
        expect.objectContaining({ source: path.join(folder, 'web', path.basename(pages[0]!)) }),
      ]);
      // Only the empty page failed; the stylesheet and the unknown file are not failures but skipped.
      expect(summary.failed.map((f) => path.basename(f.source))).toEqual(['empty.html']);
      expect(summary.failed[0]?.reason).toBe('The file is empty.');
      expect(summary.counts.skipped).toBe(2);
      expect(summary.skipped).toEqual([{ extension: '.css', count: 1 }, { extension: '.xyz', count: 1 }]);
      expect(summary.counts.imported + summary.counts.duplicates + summary.counts.failed).toBe(fileCount);
      const titles = (await core.listArticles()).map((a) => a.title);
      expect(titles).toHaveLength(summary.counts.imported);
      expect(titles).toContain('Saved page');
      expect(titles).not.toContain('ad-frame');

      // Progress: starts at nothing done, never goes back, ends with every file done.
      expect(progress[0]).toMatchObject({ jobId, done: 0 });
      const dones = progress.map((p) => p.done);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
      expect(progress.at(-1)).toMatchObject({ done: fileCount, total: fileCount, current: null, remainingMs: 0 });
    } finally {
      await core.close();
    }
  }, 120_000);

  it("lists a note beside an article that came in with almost no text, in the job's summary", async () => {
    const root = tempDir();
    const folder = path.join(root, 'books');
    mkdirSync(folder, { recursive: true });
    const chapter = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body><p>Goodnight moon.</p></body></html>';
    const opf = '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Goodnight</dc:title></metadata>' +
      '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>';
    writeFileSync(path.join(folder, 'goodnight.epub'), makeEpub({ opf, files: { 'c.xhtml': chapter } }));
    const { core } = await openTestLibrary(root);
    try {
      const { finished } = recordEvents(core);
      await core.startImport([folder]);
      const summary = await finished;
      expect(summary.imported).toEqual([expect.objectContaining({ title: 'Goodnight', note: expect.stringMatching(/^Imported with only 2 words of text/) })]);
    } finally {
      await core.close();
    }
  });

  it('catches duplicates within one batch: the first file in name order is imported, the copy reported', async () => {
    const root = tempDir();
    const folder = path.join(root, 'pages');
    const page = webPages().find((p) => p.name === 'bbc-1')!;
    const { core } = await openTestLibrary(root);
    try {
      const bytes = readFileSync(page.file);
      mkdirSync(folder);
      // Named so that natural order (2 before 10) differs from plain string order.
      for (const name of ['page-2.html', 'page-10.html', 'page-1.html']) writeFileSync(path.join(folder, name), bytes);
      const outcomes = await core.importPaths([folder]);
      expect(outcomes.map((o) => [path.basename(o.source), o.status])).toEqual([
        ['page-1.html', 'imported'],
        ['page-2.html', 'duplicate'],
        ['page-10.html', 'duplicate'],
      ]);
      expect(await core.listArticles()).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('stops on Cancel: what was written stays whole, nothing else is added, no staging folder is left', async () => {
    const root = tempDir();
    const folder = path.join(root, 'pages');
    const total = writePageVariants(folder, 4);
    const { core, libraryDir } = await openTestLibrary(root);
    try {
      const { finished } = recordEvents(core);
      let jobId = '';
      const cancelled = new Promise<void>((resolve) => {
        core.events.on('import-progress', (event) => {
          if (event.done >= 3 && jobId !== '') {
            void core.cancelImport(jobId).then(resolve);
          }
        });
      });
      jobId = (await core.startImport([folder])).jobId;
      await cancelled;
      const summary = await finished;

      expect(summary.cancelled).toBe(true);
      const done = summary.counts.imported + summary.counts.duplicates + summary.counts.failed;
      expect(done).toBeGreaterThanOrEqual(3);
      expect(done).toBeLessThan(total);
      const articles = await core.listArticles();
      expect(articles).toHaveLength(summary.counts.imported);
      const folders = readdirSync(path.join(libraryDir, 'articles'));
      expect(folders.sort()).toEqual(articles.map((a) => a.id).sort());
      for (const id of folders) expect(existsSync(path.join(libraryDir, 'articles', id, 'article.json'))).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('keeps the library usable while a big import runs: lists and reads answer between articles', async () => {
    const root = tempDir();
    const folder = path.join(root, 'pages');
    const total = writePageVariants(folder, 3);
    const { core } = await openTestLibrary(root);
    try {
      const { finished } = recordEvents(core);
      const seenMidway = new Promise<number>((resolve) => {
        const stop = core.events.on('import-progress', (event) => {
          if (event.counts.imported < 5) return;
          stop();
          void core.listArticles().then(async (articles) => {
            // Reading an article that has just been written works while the rest are being read.
            await core.getContent(articles[0]!.id);
            resolve(articles.length);
          });
        });
      });
      await core.startImport([folder]);
      const listedMidway = await seenMidway;
      const summary = await finished;
      expect(listedMidway).toBeGreaterThanOrEqual(5);
      expect(listedMidway).toBeLessThan(total);
      expect(summary.counts.imported + summary.counts.duplicates + summary.counts.failed).toBe(total);
    } finally {
      await core.close();
    }
  }, 120_000);
});
