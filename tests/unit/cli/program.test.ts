import { describe, expect, it, vi } from 'vitest';
import type { QuireCore } from '../../../electron/core/open-quire';
import type { SearchIndex } from '../../../electron/core/search/search-index';
import { EventHub } from '../../../electron/core/events';
import { QuireError } from '../../../electron/shared/result';
import { say } from '../../../electron/shared/i18n/core-sentences';
import { runCli, type CliDeps } from '../../../electron/cli/program';
import { createFakeReaderService, sampleArticle } from '../../support/fake-reader-service';
import { searchResultsOf } from '../../support/search-results';

function harness() {
  const service = createFakeReaderService();
  const core = {
    ...service,
    libraryDir: '/tmp/library',
    events: new EventHub(() => {}),
    whenIndexed: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
  };
  const output = { stdout: '', stderr: '' };
  const deps: CliDeps = {
    stdout: (text) => void (output.stdout += text),
    stderr: (text) => void (output.stderr += text),
    color: false,
    env: {},
    openCore: vi.fn(async () => core as unknown as QuireCore),
    rendererDir: '/nonexistent',
    waitForStop: async () => {},
    log: vi.fn(),
  };
  const run = (...argv: string[]) => runCli(argv, deps);
  return { service, core, output, deps, run };
}

describe('quire CLI (in process, fake core)', () => {
  it('opens the library named by --library, before or after the command', async () => {
    const { deps, run } = harness();
    await run('--library', '/data/lib', 'list');
    await run('list', '--library', '/data/other');
    expect(vi.mocked(deps.openCore).mock.calls).toEqual([['/data/lib'], ['/data/other']]);
  });

  it('closes the core after every command, even one that fails', async () => {
    const { core, service, run } = harness();
    expect(await run('list')).toBe(0);
    service.getArticle.mockRejectedValueOnce(new QuireError('not-found', 'That article is not in the library.', say('core.error.articleNotFound')));
    expect(await run('show', 'a1b2c3d4e5f60718')).toBe(1);
    expect(core.close).toHaveBeenCalledTimes(2);
  });

  it('waits for the index before closing after a change to the library', async () => {
    const { core, run } = harness();
    await run('import', '/tmp/notes.txt');
    expect(core.whenIndexed).toHaveBeenCalled();
    expect(core.whenIndexed.mock.invocationCallOrder.at(-1)!).toBeLessThan(core.close.mock.invocationCallOrder[0]!);
  });

  it('asks for the import host to start while the library opens for an import, and for no other command', async () => {
    const { deps, run } = harness();
    await run('import', '/tmp/notes.txt');
    await run('list');
    await run('delete', 'a1b2c3d4e5f60718');
    expect(vi.mocked(deps.openCore).mock.calls).toEqual([[undefined, { searches: true, imports: true }], [undefined], [undefined, { only: ['a1b2c3d4e5f60718'] }]]);
  });

  it('opens only the article a change to one article is about, and leaves the index to the next search', async () => {
    const { core, deps, run } = harness();
    await run('note', 'a1b2c3d4e5f60718', 'A thought');
    await run('tag', 'a1b2c3d4e5f60718', 'sea');
    await run('mark', 'read', 'a1b2c3d4e5f60718', 'b1b2c3d4e5f60718');
    await run('delete', 'a1b2c3d4e5f60718');
    expect(vi.mocked(deps.openCore).mock.calls).toEqual([
      [undefined, { only: ['a1b2c3d4e5f60718'] }],
      [undefined, { only: ['a1b2c3d4e5f60718'] }],
      [undefined, { only: ['a1b2c3d4e5f60718', 'b1b2c3d4e5f60718'] }],
      [undefined, { only: ['a1b2c3d4e5f60718'] }],
    ]);
    expect(core.whenIndexed).not.toHaveBeenCalled();
  });

  it('prints an answer given before the library was read, then closes its index, and ends after that', async () => {
    const { deps, output, run } = harness();
    const printedAtFinish: string[] = [];
    const finish = vi.fn(async () => void printedAtFinish.push(output.stdout));
    const hit = { articleId: 'a1b2c3d4e5f60718', annotationId: null, title: 'T', kind: 'article' as const, score: 2, snippet: '<mark>Fuad</mark>', passage: null, terms: ['Fuad'], format: 'html' as const, date: null };
    deps.searchIfInStep = vi.fn(async () => ({ results: searchResultsOf([hit]), index: {} as SearchIndex, finish }));
    expect(await run('search', 'Fuad', '--json')).toBe(0);
    expect(finish).toHaveBeenCalledTimes(1);
    expect(printedAtFinish[0]).toContain('a1b2c3d4e5f60718');
    expect(deps.openCore).not.toHaveBeenCalled();
  });

  it('prints one line per article, in the order given, for a library of any size', async () => {
    const { service, output, run } = harness();
    for (const count of [1, 499, 500, 501, 1001]) {
      const articles = Array.from({ length: count }, (_, i) => sampleArticle({ id: `a${String(i).padStart(5, '0')}`, title: `Article ${i}` }));
      service.listArticles.mockResolvedValueOnce(articles);
      output.stdout = '';
      expect(await run('list')).toBe(0);
      const lines = output.stdout.split('\n');
      expect(lines.pop(), `${count} articles`).toBe('');
      expect(lines.map((line) => line.split('  ')[0]), `${count} articles`).toEqual(articles.map((article) => article.id));
    }
  });

  it('prints list --json with exactly the documented fields', async () => {
    const { output, run } = harness();
    await run('list', '--json');
    expect(Object.keys(JSON.parse(output.stdout)[0]).sort()).toEqual(
      ['id', 'title', 'byline', 'siteName', 'lang', 'dir', 'format', 'addedAt', 'wordCount', 'tags'].sort(),
    );
  });

  it('prints search --json best first with the documented fields, and passes --limit', async () => {
    const { service, output, run } = harness();
    service.search.mockResolvedValueOnce(
      searchResultsOf([
        { articleId: 'a1b2c3d4e5f60718', annotationId: null, title: 'T', kind: 'article', score: 2, snippet: '<mark>Fuad</mark>', passage: null, terms: ['Fuad'], format: 'html', date: null },
      ]),
    );
    expect(await run('search', 'Fuad', '--json', '--limit', '5')).toBe(0);
    expect(service.search).toHaveBeenCalledWith('Fuad', { limit: 5 });
    expect(JSON.parse(output.stdout)).toEqual([
      { articleId: 'a1b2c3d4e5f60718', title: 'T', kind: 'article', score: 2, snippet: '<mark>Fuad</mark>' },
    ]);
  });

  it('passes search filters and the date order, and prints --explain under each hit', async () => {
    const { service, output, run } = harness();
    service.search.mockResolvedValueOnce({
      hits: [
        {
          articleId: 'a1b2c3d4e5f60718', annotationId: null, title: 'T', kind: 'article', score: 2.5, snippet: '<mark>Fuad</mark>', passage: null, terms: ['Fuad'], format: 'html', date: null,
          explanation: { parts: [{ term: 'fuad', field: 'body', tf: 3, idf: 4.2, weight: 1, score: 2.5 }], rerank: 2, phrases: ['fuad hussein'] },
        },
      ],
      totals: { articles: 40, passages: 95, bookmarks: 0, notes: 2, articlesExact: true, passagesExact: false },
    });
    const argv = ['search', '"Fuad Hussein"', '--tag', 'iraq', '--tag', 'news', '--format', 'HTML', '--lang', 'en', '--from', '2024-01-01', '--to', '2024-12-31', '--sort', 'date', '--explain'];
    expect(await run(...argv)).toBe(0);
    expect(service.search).toHaveBeenCalledWith('"Fuad Hussein"', {
      tags: ['iraq', 'news'], formats: ['html'], languages: ['en'], from: '2024-01-01', to: '2024-12-31', sort: 'date', explain: true,
    });
    // The count line says what the whole query found, a lower bound as one.
    expect(output.stdout.split('\n')[0]).toBe('40 articles · at least 95 passages (2 notes) · showing 1');
    expect(output.stdout).toContain('2.50 = fuad in body: tf 3, idf 4.20, weight 1');
    expect(output.stdout).toContain('phrase "fuad hussein" found in the text');
  });

  it('refuses a search filter it cannot use with one usage line', async () => {
    for (const argv of [['search', 'x', '--format', 'docx'], ['search', 'x', '--from', 'yesterday'], ['search', 'x', '--sort', 'size']]) {
      const { service, output, run } = harness();
      expect(await run(...argv), argv.join(' ')).toBe(2);
      expect(output.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(service.search).not.toHaveBeenCalled();
    }
  });

  it('reports failed imports on stderr and exits 1, the others on stdout', async () => {
    const { service, output, run } = harness();
    service.importPaths.mockResolvedValueOnce([
      { status: 'imported', source: '/a.txt', article: sampleArticle() },
      { status: 'failed', source: '/b.txt', reason: 'The file is empty.' },
    ]);
    expect(await run('import', 'a.txt', 'b.txt')).toBe(1);
    expect(output.stdout).toBe(
      `imported  a1b2c3d4e5f60718  ${sampleArticle().title}\n1 imported, 0 already in library, 1 failed\n`,
    );
    expect(output.stderr).toBe('failed    /b.txt: The file is empty.\n');
  });

  it('passes absolute paths to the core', async () => {
    const { service, run } = harness();
    await run('import', 'relative/file.txt');
    expect(service.importPaths.mock.calls[0]?.[0][0]).toMatch(/^\/.*relative\/file\.txt$/);
  });

  it('says in one sentence that an id names no article, without opening anything else', async () => {
    const { service, output, run } = harness();
    expect(await run('show', 'not an id')).toBe(1);
    expect(output.stderr).toBe('No article has the id "not an id".\n');
    expect(service.getArticle).not.toHaveBeenCalled();
  });

  it('exits 2 with commander’s one-line message on usage errors', async () => {
    for (const argv of [['frobnicate'], ['search'], ['export', 'a1b2c3d4e5f60718'], ['bookmark', 'a1b2c3d4e5f60718', '--quote', 'x', '--color', 'teal'], ['search', 'x', '--limit', 'many']]) {
      const { output, run } = harness();
      expect(await run(...argv), argv.join(' ')).toBe(2);
      expect(output.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(output.stderr).toMatch(/^error: /);
    }
  });

  it('exits 0 for --help', async () => {
    const { output, run } = harness();
    expect(await run('--help')).toBe(0);
    expect(output.stdout).toContain('Usage: quire');
  });

  it('bookmarks a quoted passage with its note and colour', async () => {
    const { service, output, run } = harness();
    expect(await run('bookmark', 'a1b2c3d4e5f60718', '--quote', 'bridge the views', '--note', 'Mediation', '--color', 'green')).toBe(0);
    expect(service.createAnnotation).toHaveBeenCalledWith({
      articleId: 'a1b2c3d4e5f60718',
      kind: 'bookmark',
      passage: { quote: 'bridge the views' },
      note: 'Mediation',
      color: 'green',
    });
    expect(output.stdout).toMatch(/^bookmarked ann-0001/);
  });

  it('exports Markdown and W3C JSON', async () => {
    const markdown = harness();
    await markdown.run('export', 'a1b2c3d4e5f60718', '--format', 'markdown');
    expect(markdown.output.stdout).toContain('quire://article/a1b2c3d4e5f60718?passage=120-136');
    const w3c = harness();
    await w3c.run('export', 'a1b2c3d4e5f60718', '--format', 'w3c');
    expect(JSON.parse(w3c.output.stdout)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  });

  it('shows import progress on a terminal in place, and plain lines for big imports elsewhere', async () => {
    for (const terminal of [true, false]) {
      const { service, core, output, deps } = harness();
      service.importPaths.mockImplementationOnce(async () => {
        for (const done of [0, 40, 100]) {
          core.events.emit('import-progress', {
            jobId: 'j', done, total: 100, current: done < 100 ? `/in/page-${done}.html` : null, reading: null,
            elapsedMs: done * 100, remainingMs: done === 0 ? null : (100 - done) * 100,
            counts: { imported: done, duplicates: 0, failed: 0, skipped: 0 },
          });
        }
        return [{ status: 'imported', source: '/in/a.html', article: sampleArticle() }];
      });
      expect(await runCli(['import', '/in'], { ...deps, terminal })).toBe(0);
      if (terminal) {
        expect(output.stderr).toContain('\r\u001b[Kimporting 40 of 100 · 0:04 elapsed · about 0:06 left · page-40.html');
        expect(output.stderr.endsWith('\r\u001b[K')).toBe(true);
      } else {
        expect(output.stderr).toBe('importing 40 of 100 · 0:04 elapsed · about 0:06 left\nimporting 100 of 100 · 0:10 elapsed · about 0:00 left\n');
      }
    }
  });

  it("names the chapter or page of a long file on a terminal, and adds nothing elsewhere", async () => {
    for (const terminal of [true, false]) {
      const { service, core, output, deps } = harness();
      service.importPaths.mockImplementationOnce(async () => {
        for (const part of [1, 41, 300]) {
          core.events.emit('import-progress', {
            jobId: 'j', done: 0, total: 1, current: '/in/moby-dick-x5.epub', reading: { unit: 'chapter', part, parts: 720 },
            elapsedMs: part * 10, remainingMs: null, counts: { imported: 0, duplicates: 0, failed: 0, skipped: 0 },
          });
        }
        core.events.emit('import-progress', {
          jobId: 'j', done: 0, total: 1, current: '/in/paper.pdf', reading: { unit: 'page', part: 12, parts: 300 },
          elapsedMs: 4000, remainingMs: null, counts: { imported: 0, duplicates: 0, failed: 0, skipped: 0 },
        });
        return [{ status: 'imported', source: '/in/a.html', article: sampleArticle() }];
      });
      expect(await runCli(['import', '/in'], { ...deps, terminal })).toBe(0);
      if (terminal) {
        expect(output.stderr).toContain('\r\u001b[Kimporting 0 of 1 · 0:00 elapsed · reading moby-dick-x5.epub: chapter 41 of 720');
        expect(output.stderr).toContain('\r\u001b[Kimporting 0 of 1 · 0:03 elapsed · reading moby-dick-x5.epub: chapter 300 of 720');
        expect(output.stderr).toContain('\r\u001b[Kimporting 0 of 1 · 0:04 elapsed · reading paper.pdf: page 12 of 300');
      } else {
        expect(output.stderr).toBe('');
      }
    }
  });

  it('passes list filters to the core and tag commands their tags', async () => {
    const { service, run } = harness();
    await run('list', '--tag', 'Travel', '--state', 'reading', '--sort', 'title');
    expect(service.listArticles).toHaveBeenCalledWith({ tag: 'Travel', readState: 'reading', sort: 'title' });
    await run('tag', 'a1b2c3d4e5f60718', 'one', 'two words');
    expect(service.tagArticles).toHaveBeenCalledWith(['a1b2c3d4e5f60718'], ['one', 'two words']);
    expect(await run('untag', 'not an id', 'x')).toBe(1);
    expect(service.untagArticles).not.toHaveBeenCalled();
    expect(await run('list', '--sort', 'colour')).toBe(2);
  });

  it('edits the title, author and tags, and asks for one of them', async () => {
    const { service, run, output } = harness();
    expect(await run('edit', 'a1b2c3d4e5f60718', '--title', 'New Name', '--author', '', '--tags', 'one, two words')).toBe(0);
    expect(service.editArticle).toHaveBeenCalledWith('a1b2c3d4e5f60718', { title: 'New Name', byline: '', tags: ['one', ' two words'] });
    expect(output.stdout).toContain('edited    ');
    expect(await run('edit', 'a1b2c3d4e5f60718')).toBe(2);
    expect(output.stderr).toContain('Give --title, --author or --tags.');
    expect(service.editArticle).toHaveBeenCalledTimes(1);
  });

  it('moves several articles to the trash and back in one call each', async () => {
    const { service, run, output } = harness();
    expect(await run('delete', 'a1b2c3d4e5f60718', 'b1b2c3d4e5f60718')).toBe(0);
    expect(service.deleteArticles).toHaveBeenCalledWith(['a1b2c3d4e5f60718', 'b1b2c3d4e5f60718']);
    expect(output.stdout.match(/^deleted /gm)).toHaveLength(2);
    expect(await run('restore', 'a1b2c3d4e5f60718', 'b1b2c3d4e5f60718')).toBe(0);
    expect(service.restoreArticles).toHaveBeenCalledWith(['a1b2c3d4e5f60718', 'b1b2c3d4e5f60718']);
    expect(output.stdout.match(/^restored /gm)).toHaveLength(2);
  });

  it('marks articles read or unread, and refuses another word', async () => {
    const { service, run, output } = harness();
    expect(await run('mark', 'unread', 'a1b2c3d4e5f60718', 'b1b2c3d4e5f60718')).toBe(0);
    expect(service.setReadState).toHaveBeenCalledWith(['a1b2c3d4e5f60718', 'b1b2c3d4e5f60718'], 'unread');
    expect(await run('mark', 'read', 'a1b2c3d4e5f60718')).toBe(0);
    expect(service.setReadState).toHaveBeenLastCalledWith(['a1b2c3d4e5f60718'], 'finished');
    expect(output.stdout).toContain('read      ');
    expect(await run('mark', 'finished', 'a1b2c3d4e5f60718')).toBe(2);
    expect(service.setReadState).toHaveBeenCalledTimes(2);
  });
});
