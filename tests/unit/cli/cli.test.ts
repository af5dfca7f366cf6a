/**
 * The built `quire` command (out/cli/index.js, built by the global setup) against a real library in
 * a temp folder, with its own settings home so nothing touches the user's own library.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire, type QuireRun } from '../../support/run-quire';
import { SEED_FILE, webPageFile } from '../../support/corpus-paths';

const CLI = path.resolve('out/cli/index.js');
const SEED = SEED_FILE;
const WEB_PAGE = webPageFile('bbc-1');
const SEED_TITLE = "Iraq: Regional security impacts Iraq, relations with Iran 'strong'";

describe('quire CLI (built, real core)', () => {
  let root: string;
  let libraryDir: string;
  let seedId: string;

  const quire = (...args: string[]): Promise<QuireRun> => runQuire(root, libraryDir, args);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-cli-'));
    libraryDir = path.join(root, 'library');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports the seed article and a web page, one line each', async () => {
    const run = await quire('import', SEED, WEB_PAGE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('1 imported, 1 already in library, 0 failed');
    // A new library starts with the sample articles, the seed article among them.
    expect(lines[0]).toMatch(/^(imported {2}|duplicate )\S+ {2}Iraq: Regional security impacts Iraq/);
    expect(lines[1]).toMatch(/^imported {2}\S+ {2}Obama admits US gun laws/);
    seedId = lines[0]!.split(/\s+/)[1]!;
  });

  it('lists the library as JSON with the documented fields', async () => {
    const run = await quire('list', '--json');
    expect(run.code).toBe(0);
    const articles = JSON.parse(run.stdout) as Record<string, unknown>[];
    const seed = articles.find((article) => article.id === seedId);
    expect(seed).toMatchObject({ title: SEED_TITLE, format: 'txt' });
    for (const article of articles) {
      expect(Object.keys(article).sort()).toEqual(
        ['addedAt', 'byline', 'dir', 'format', 'id', 'lang', 'siteName', 'tags', 'title', 'wordCount'],
      );
    }
    expect(articles.find((article) => String(article.title).startsWith('Obama'))).toMatchObject({ format: 'html', lang: 'en' });
  });

  it('finds the seed article by a name in it, with the words marked', async () => {
    const run = await quire('search', 'Fuad Hussein', '--json');
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout) as { articleId: string; kind: string; snippet: string; score: number }[];
    expect(hits[0]).toMatchObject({ articleId: seedId, kind: 'article' });
    expect(hits[0]!.snippet).toMatch(/<mark>(Fuad|Hussein)<\/mark>/);
    expect(Object.keys(hits[0]!).sort()).toEqual(['articleId', 'kind', 'score', 'snippet', 'title']);
  });

  it('bookmarks a passage with a note that search then finds as a bookmark', async () => {
    const bookmark = await quire('bookmark', seedId, '--quote', 'bridge the views of neighboring countries', '--note', 'ask Layla about zanzibarite', '--color', 'green');
    expect(bookmark.stderr).toBe('');
    expect(bookmark.code).toBe(0);
    const run = await quire('search', 'zanzibarite', '--json');
    const hits = JSON.parse(run.stdout) as { articleId: string; kind: string }[];
    expect(hits).toEqual([expect.objectContaining({ articleId: seedId, kind: 'bookmark' })]);
  });

  it('writes a note on the whole article and lists it with the bookmark', async () => {
    expect((await quire('note', seedId, 'Compare with the 2019 talks')).code).toBe(0);
    const run = await quire('annotations', seedId, '--json');
    const annotations = JSON.parse(run.stdout) as { kind: string; target: unknown; note: string }[];
    expect(annotations.map((a) => a.kind).sort()).toEqual(['bookmark', 'note']);
    expect(annotations.find((a) => a.kind === 'note')).toMatchObject({ target: null, note: 'Compare with the 2019 talks' });
  });

  it('exports the bookmarks as Markdown and as W3C Web Annotations', async () => {
    const markdown = await quire('export', seedId, '--format', 'markdown');
    expect(markdown.stdout).toContain(`# ${SEED_TITLE}`);
    expect(markdown.stdout).toContain('> bridge the views of neighboring countries');
    expect(markdown.stdout).toMatch(new RegExp(`quire://article/${seedId}\\?passage=\\d+-\\d+`));
    const w3c = JSON.parse((await quire('export', seedId, '--format', 'w3c')).stdout);
    expect(w3c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const items = w3c.first.items as { motivation: string; target: { selector?: { type: string }[] } }[];
    const highlight = items.find((item) => item.target.selector);
    expect(highlight?.target.selector?.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('shows the text and the metadata', async () => {
    const text = await quire('show', seedId, '--text');
    expect(text.stdout).toContain('Iraqi Foreign Minister Fuad Hussein');
    const meta = JSON.parse((await quire('show', seedId, '--json')).stdout);
    expect(meta).toMatchObject({ id: seedId, title: SEED_TITLE });
  });

  it("shows an article without a word about another's broken file, which list still reports", async () => {
    const broken = path.join(libraryDir, 'articles', 'broken-elsewhere');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'article.json'), '{"title": "cut sh');
    try {
      const shown = await quire('show', seedId);
      expect(shown.code).toBe(0);
      expect(shown.stdout.split('\n')[0]).toBe(SEED_TITLE);
      expect(shown.stderr).toBe('');
      const listed = await quire('list');
      expect(listed.stderr).toContain('Skipping article broken-elsewhere');
    } finally {
      rmSync(broken, { recursive: true });
    }
  });

  it('deletes to the trash and restores, and search follows', async () => {
    const foundIds = async (): Promise<string[]> => (JSON.parse((await quire('search', 'Iraq', '--json')).stdout) as { articleId: string }[]).map((hit) => hit.articleId);
    expect(await foundIds()).toContain(seedId);
    expect((await quire('delete', seedId)).code).toBe(0);
    const afterDelete = JSON.parse((await quire('list', '--json')).stdout) as { id: string }[];
    expect(afterDelete.map((a) => a.id)).not.toContain(seedId);
    expect(await foundIds()).not.toContain(seedId);
    expect((await quire('restore', seedId)).code).toBe(0);
    const afterRestore = JSON.parse((await quire('list', '--json')).stdout) as { id: string }[];
    expect(afterRestore.map((a) => a.id)).toContain(seedId);
    expect(await foundIds()).toContain(seedId);
  });

  it('tags and untags an article, lists by tag, and empties the trash', async () => {
    expect((await quire('tag', seedId, 'Middle East', 'news')).stdout).toMatch(/^tagged {4}\S+ {2}Iraq.*\[Middle East, news\]$/m);
    const byTag = JSON.parse((await quire('list', '--tag', 'middle east', '--json')).stdout) as { id: string; tags: string[] }[];
    expect(byTag).toEqual([expect.objectContaining({ id: seedId, tags: ['Middle East', 'news'] })]);
    expect((await quire('untag', seedId, 'NEWS')).stdout).toMatch(/\[Middle East\]$/m);
    expect((await quire('list', '--tag', 'news')).stdout).toBe('No article matches.\n');

    const blank = await quire('tag', seedId, '  ');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toBe('tagArticles: argument 1.0 is an empty tag\n');

    await quire('delete', seedId);
    const emptied = await quire('empty-trash');
    expect(emptied.stdout).toBe('Deleted 1 article for good.\n');
    expect((await quire('restore', seedId)).stderr).toBe('That article is not in the trash.\n');
  });

  it('fails with the reason on stderr for a missing path and an empty file', async () => {
    const empty = path.join(root, 'empty.txt');
    writeFileSync(empty, '');
    const missing = path.join(root, 'no-such-file.txt');
    const run = await quire('import', missing, empty);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`failed    ${missing}: `);
    expect(run.stderr).toContain(`failed    ${empty}: `);
    for (const line of run.stderr.trim().split('\n')) expect(line).toMatch(/^failed {4}\S+: \S.*/);
  });

  it('imports the documents of a folder and sums up the other files instead of failing them', async () => {
    const folder = path.join(root, 'saved');
    mkdirSync(path.join(folder, 'images'), { recursive: true });
    writeFileSync(path.join(folder, 'A saved note.md'), '# A saved note\n\nWritten down to read later.\n');
    writeFileSync(path.join(folder, 'style.css'), 'p {}');
    writeFileSync(path.join(folder, 'images', 'one.png'), Buffer.from([0x89, 0x50]));
    writeFileSync(path.join(folder, 'images', 'two.png'), Buffer.from([0x89, 0x50]));
    const run = await quire('import', folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^imported {2}\S+ {2}A saved note$/);
    expect(lines.at(-1)).toBe('1 imported, 0 already in library, 0 failed; 3 other files skipped, not documents (2 .png, 1 .css)');

    const onlyImages = await quire('import', path.join(folder, 'images'));
    expect(onlyImages.code).not.toBe(0);
    expect(onlyImages.stderr.trim()).toBe(`Nothing to import: no documents in ${path.join(folder, 'images')} (only 2 .png).`);
  });

  it('imports a folder whose first file is a large page, and every page after it', async () => {
    // Above 2 MiB, a page is read on a worker of its own (run-import.ts); the ordinary workers are
    // replaced before it while the import's warm-up page still waits for its worker to start.
    const folder = path.join(root, 'large-first');
    mkdirSync(folder);
    const paragraph = `<p>${'Long manuals are read on a worker of their own while the pages after them go on. '.repeat(10)}</p>`;
    writeFileSync(path.join(folder, 'a-large.html'), `<html><head><title>A large manual</title></head><body><article><h1>A large manual</h1>${paragraph.repeat(3_000)}</article></body></html>`);
    const titles = ['Harbour pilots', 'Canal locks', 'Lighthouse keepers'];
    titles.forEach((title, i) => writeFileSync(path.join(folder, `b${i}.html`), `<html><head><title>${title}</title></head><body><p>A short page about ${title.toLowerCase()}.</p></body></html>`));
    const run = await quire('import', folder);
    expect(run.code).toBe(0);
    const imported = run.stdout.trim().split('\n').filter((line) => line.startsWith('imported'));
    expect(imported.map((line) => line.split(/ {2}/).at(-1)).sort()).toEqual(['A large manual', ...titles].sort());
  }, 60_000);

  it('a first command about one article still gives a new library its sample articles', async () => {
    const fresh = path.join(root, 'fresh-library');
    const shown = await runQuire(root, fresh, ['show', 'no-such-article']);
    expect(shown.code).not.toBe(0);
    expect(shown.stderr.trim()).toBe('That article is not in the library.');
    const listed = await runQuire(root, fresh, ['list', '--json']);
    expect((JSON.parse(listed.stdout) as { title: string }[]).map((a) => a.title)).toContain(SEED_TITLE);
  });

  it('answers an unknown id with one sentence and a non-zero exit', async () => {
    const run = await quire('show', '00000000-0000-4000-8000-000000000000');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(/^[A-Z].*\.$/);
  });

  it('lists an article tagged en_US under --lang en, as the library filter offers it', async () => {
    const page = path.join(root, 'underscore-tag.html');
    const paragraph = 'A kettle of river water boils faster on a windless evening than anyone at the camp expected. ';
    writeFileSync(
      page,
      `<!doctype html><html lang="en_US"><head><title>Evening at the river camp</title></head><body><article>
        <h1>Evening at the river camp</h1>${`<p>${paragraph.repeat(4)}</p>`.repeat(5)}</article></body></html>`,
    );
    expect((await quire('import', page)).code).toBe(0);
    const titlesIn = async (lang: string): Promise<string[]> =>
      (JSON.parse((await quire('list', '--lang', lang, '--json')).stdout) as { title: string; lang: string }[]).map(
        (article) => `${article.title} (${article.lang})`,
      );
    expect(await titlesIn('en')).toContain('Evening at the river camp (en_US)');
    expect(await titlesIn('en-GB')).toContain('Evening at the river camp (en_US)');
    expect(await titlesIn('fr')).not.toContain('Evening at the river camp (en_US)');

    const notALanguage = await quire('list', '--lang', 'english');
    expect(notALanguage.code).toBe(1);
    expect(notALanguage.stderr).toBe('listArticles: argument 0.lang is not a language code (en, fr, pt-BR, …)\n');
  });

  it('ends quietly when its reader stops reading (quire list | head -1)', async () => {
    const child = spawn(process.execPath, [CLI, '--library', libraryDir, 'list'], {
      env: { ...process.env, HOME: root, XDG_CONFIG_HOME: path.join(root, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reading end closed before anything was written: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 on a usage error', async () => {
    const run = await quire('export', 'x', '--format', 'pdf');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves browser mode until SIGTERM, printing the address with its token', async () => {
    const child = spawn(process.execPath, [CLI, '--library', libraryDir, 'serve', '--port', '0'], {
      env: { ...process.env, HOME: root, XDG_CONFIG_HOME: path.join(root, 'config'), QUIRE_LIBRARY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Quire is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const entry = await fetch(url, { redirect: 'manual' });
    expect(entry.status).toBe(302);
    const token = new URL(url).searchParams.get('token')!;
    const response = await fetch(new URL('/api/listArticles', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Quire-Token': token },
      body: '[]',
    });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
