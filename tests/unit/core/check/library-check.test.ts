/**
 * `checkLibrary` / `repairLibrary` and the check at open, on real libraries built by importing
 * corpus documents, then broken the way crashes, sync tools and hand edits break them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { } from '../../../../electron/shared/models';
import { CATALOGS } from '../../../../electron/shared/i18n/catalogs';
import type { CoreSentence } from '../../../../electron/shared/i18n/core-sentences';
import type { InterfaceLocale } from '../../../../electron/shared/i18n/locales';
import { checkLibrary } from '../../../../electron/core/library/check/check-library';
import { textOfContent } from '../../../../electron/core/library/check/derive-text';
import { repairLibrary } from '../../../../electron/core/library/check/repair-library';
import { SEED_FILE, webPages } from '../support/corpus';
import { buildOncePerFile, openTestLibrary } from '../support/import-library';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-check-');

/** A core sentence as the interface says it in `locale`. */
const saidIn = (locale: InterfaceLocale, sentence: CoreSentence): string =>
  String(new IntlMessageFormat(CATALOGS[locale][sentence.id], locale).format(sentence.values));
const now = () => '2026-11-28T08:00:00.000Z';

/**
 * Four real articles (three web pages and the seed text), a bookmark on the second, one more in
 * the trash: made once per file, each test breaking its own copy. Importing the pages (the import
 * host started and the pages read) took seconds per test; copying what they became takes
 * milliseconds, and every test sees exactly what the import and the writes left, the files fresh
 * as they were.
 */
const template = buildOncePerFile('quire-check-template-', async (templateRoot) => {
  // One index across opens, as the real one persists: a reopened library then has nothing stale.
  const index = createMemoryIndexState();
  const { core, libraryDir } = await openTestLibrary(templateRoot, { createIndex: (options) => createMemoryIndex(index, options) });
  const pages = webPages().filter((p) => ['bbc-1', 'lemonde-1', 'rtl-1', 'ars-1'].includes(p.name));
  const outcomes = await core.importPaths([...pages.map((p) => p.file), SEED_FILE]);
  const ids = outcomes.map((o) => {
    if (o.status !== 'imported') throw new Error(`${o.source} was not imported`);
    return o.article.id;
  });
  const text = (await core.getContent(ids[1]!)).text;
  const quote = text.slice(200, 260);
  const bookmark = await core.createAnnotation({ articleId: ids[1]!, kind: 'bookmark', passage: { quote }, note: 'keep me' });
  const brokenNote = await core.createAnnotation({ articleId: ids[1]!, kind: 'note', note: 'will be damaged' });
  await core.deleteArticle(ids[4]!);
  await core.close();
  return { libraryDir, ids, bookmark, brokenNote, index };
});

async function builtLibrary() {
  const made = await template();
  const root = tempDir();
  const libraryDir = path.join(root, 'library');
  cpSync(made.libraryDir, libraryDir, { recursive: true });
  // The index as the template's last close left it, this test's own from here on.
  const index = structuredClone(made.index);
  const createIndex = (options: { libraryDir: string }) => createMemoryIndex(index, options);
  const dirOf = (id: string) => path.join(libraryDir, 'articles', id);
  return { root, libraryDir, ids: [...made.ids], bookmark: structuredClone(made.bookmark), brokenNote: structuredClone(made.brokenNote), dirOf, createIndex };
}

/** Every file under `dir` with its size and modification time: proof that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else result[path.relative(dir, full)] = `${stat.size}:${stat.mtimeMs}`;
    }
  };
  walk(dir);
  return result;
}

const LEFTOVER_TEXT = '<p>half';

/** A library whose first article holds a file an interrupted write left, which the check removes. */
async function libraryWithLeftover() {
  const built = await builtLibrary();
  const leftover = path.join(built.dirOf(built.ids[0]!), 'content.html.123456');
  writeFileSync(leftover, LEFTOVER_TEXT);
  return { ...built, leftover };
}

describe('library check', () => {
  it('finds nothing wrong in a library Quire wrote', async () => {
    const { libraryDir } = await builtLibrary();
    const report = await checkLibrary(libraryDir);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ articles: 4, annotations: 2, trashed: 1 });
  });

  it('finds truncated JSON, binary garbage, missing files and stray temp files, and changes nothing', async () => {
    const { libraryDir, ids, brokenNote, dirOf } = await builtLibrary();
    const [truncated, annotated, noText, noContent, trashed] = ids as [string, string, string, string, string];
    const meta = readFileSync(path.join(dirOf(truncated), 'article.json'));
    writeFileSync(path.join(dirOf(truncated), 'article.json'), meta.subarray(0, 57));
    writeFileSync(path.join(dirOf(annotated), 'annotations', `${brokenNote.id}.json`), Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x80, 0x81]));
    rmSync(path.join(dirOf(noText), 'text.txt'));
    rmSync(path.join(dirOf(noContent), 'content.html'));
    writeFileSync(path.join(dirOf(noText), 'article.json.3141592653'), '{"half": ');
    writeFileSync(path.join(libraryDir, 'quire-library.json.2718'), '');
    mkdirSync(path.join(libraryDir, 'articles', `.tmp-${ids[0]}`));
    writeFileSync(path.join(libraryDir, 'trash', trashed, 'article.json'), '');

    const before = snapshot(libraryDir);
    const report = await checkLibrary(libraryDir);
    expect(snapshot(libraryDir)).toEqual(before);

    const found = Object.fromEntries(report.problems.map((p) => [p.where, p.message]));
    expect(found).toEqual({
      'quire-library.json.2718': 'A temp file left by an interrupted write.',
      [`articles/.tmp-${ids[0]}`]: 'An incomplete copy left by an interrupted import or delete.',
      [`articles/${truncated}`]: 'This article cannot be read: article.json is not valid JSON (truncated or damaged).',
      [`articles/${annotated}/annotations/${brokenNote.id}.json`]: `A bookmark or note cannot be read: ${brokenNote.id}.json is not valid JSON (truncated or damaged).`,
      [`articles/${noText}/article.json.3141592653`]: 'A temp file left by an interrupted write.',
      [`articles/${noText}/text.txt`]: 'text.txt is missing; it can be derived again from content.html.',
      [`articles/${noContent}/content.html`]: 'content.html is missing; it can be rebuilt from text.txt (as plain paragraphs).',
      [`trash/${trashed}`]: 'This article cannot be read: article.json is empty.',
    });
    expect(report.problems.every((p) => p.repair !== null)).toBe(true);
    // Each problem is a sentence of the catalogs: in French, no English and no code of a state.
    const french = Object.fromEntries(report.problems.map((p) => [p.where, saidIn('fr', p.sentence)]));
    expect(french[`articles/${truncated}`]).toBe('Cet article ne peut pas être lu : article.json n’est pas du JSON valide (tronqué ou endommagé).');
    expect(french[`trash/${trashed}`]).toBe('Cet article ne peut pas être lu : article.json est vide.');
    expect(french[`articles/${noText}/text.txt`]).toBe('text.txt est absent ; il peut être dérivé à nouveau de content.html.');
    for (const locale of ['ar', 'de', 'es', 'fr', 'ja', 'zh-CN'] as const) {
      for (const problem of report.problems) expect(saidIn(locale, problem.sentence), locale).not.toMatch(/\b(?:is|are|cannot|missing|empty|notJson|left)\b/);
    }
  });

  it('repairs what it found, says what it did, and loses nothing else', async () => {
    const { root, libraryDir, ids, bookmark, brokenNote, dirOf } = await builtLibrary();
    const [truncated, annotated, noText, noContent] = ids as [string, string, string, string];
    const contentBefore = readFileSync(path.join(dirOf(noText), 'content.html'), 'utf8');
    const textBefore = readFileSync(path.join(dirOf(noContent), 'text.txt'), 'utf8');
    writeFileSync(path.join(dirOf(truncated), 'article.json'), '{"id": "');
    writeFileSync(path.join(dirOf(annotated), 'annotations', `${brokenNote.id}.json`), Buffer.from([0, 1, 2, 3, 250, 251]));
    rmSync(path.join(dirOf(noText), 'text.txt'));
    rmSync(path.join(dirOf(noContent), 'content.html'));
    writeFileSync(path.join(dirOf(annotated), 'annotations', `${bookmark.id}.json.77`), '{');
    // text.txt that no longer is the text of content.html (a hand edit), the bookmark placed in it
    const inserted = 'Inserted by hand. ';
    const altered = readFileSync(path.join(dirOf(annotated), 'text.txt'), 'utf8');
    writeFileSync(path.join(dirOf(annotated), 'text.txt'), `${inserted}${altered}`);
    const bookmarkFile = path.join(dirOf(annotated), 'annotations', `${bookmark.id}.json`);
    const shifted = JSON.parse(readFileSync(bookmarkFile, 'utf8'));
    shifted.target.position.start += inserted.length;
    shifted.target.position.end += inserted.length;
    writeFileSync(bookmarkFile, JSON.stringify(shifted));

    const report = await checkLibrary(libraryDir);
    const outcome = await repairLibrary(libraryDir, report.problems, now);
    expect(outcome.failures).toEqual([]);
    expect(outcome.actions).toHaveLength(report.problems.length);
    expect(outcome.actions).toContain(`removed     articles/${annotated}/annotations/${bookmark.id}.json.77 (left by an interrupted write)`);
    expect(outcome.actions).toContain(`rebuilt     articles/${noText}/text.txt from content.html`);
    expect(outcome.actions.find((a) => a.startsWith(`rebuilt     articles/${annotated}/text.txt from content.html`))).toMatch(/\(1 bookmark re-anchored\)$/);
    expect(outcome.actions.find((a) => a.startsWith(`quarantined articles/${truncated} → quarantine/`))).toMatch(/article\.json is not valid JSON/);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);

    // The unreadable article and the unreadable note are kept, with an explanation, outside the library's view.
    const quarantined = readdirSync(path.join(libraryDir, 'quarantine'));
    expect(quarantined).toHaveLength(2);
    const articleFolder = path.join(libraryDir, 'quarantine', quarantined.find((n) => n.endsWith(truncated))!);
    expect(readFileSync(path.join(articleFolder, 'README.txt'), 'utf8')).toContain(`Quire moved articles/${truncated} here`);
    expect(readFileSync(path.join(articleFolder, truncated, 'article.json'), 'utf8')).toBe('{"id": "');
    expect(existsSync(path.join(articleFolder, truncated, 'content.html'))).toBe(true);

    // Re-derived files hold the invariant again; the bookmark points at its words.
    expect(readFileSync(path.join(dirOf(noText), 'text.txt'), 'utf8')).toBe(textOfContent(contentBefore));
    expect(textOfContent(readFileSync(path.join(dirOf(noContent), 'content.html'), 'utf8'))).toBe(textBefore);

    const { core } = await openTestLibrary(root);
    try {
      expect((await core.listArticles()).map((a) => a.id).sort()).toEqual([annotated, noText, noContent].sort());
      const annotations = await core.listAnnotations(annotated);
      expect(annotations.map((a) => a.id)).toEqual([bookmark.id]);
      const text = (await core.getContent(annotated)).text;
      const target = annotations[0]!.target!;
      expect(target.position).toEqual(bookmark.target!.position);
      expect(text.slice(target.position.start, target.position.end)).toBe(bookmark.target!.quote.exact);
      expect(annotations[0]!.note).toBe('keep me');
      expect((await core.getContent(noContent)).text).toBe(textBefore);
    } finally {
      await core.close();
    }
  });

  it("at open, the check waits until the library's first list has been answered (the app's first screen comes first)", async () => {
    const { root, leftover } = await libraryWithLeftover();
    const { core } = await openTestLibrary(root, { maintenance: true });
    try {
      const order: string[] = [];
      const checked = core.whenChecked().then(() => order.push('checked'));
      // Time enough for the check of three articles to end many times over, were it running.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await core.libraryHealth()).state).toBe('checking');
      expect(existsSync(leftover)).toBe(true);
      order.push('listed');
      await core.listArticles();
      await checked;
      expect(order).toEqual(['listed', 'checked']);
      expect(existsSync(leftover)).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('at open, the check starts without a list after a few seconds, and closing runs one still waiting', async () => {
    const { root, ids, leftover } = await libraryWithLeftover();
    const waiting = await openTestLibrary(root, { maintenance: true });
    try {
      await waiting.core.whenChecked();
      expect((await waiting.core.libraryHealth()).repaired).toContain(`removed     articles/${ids[0]}/content.html.123456 (left by an interrupted write)`);
    } finally {
      await waiting.core.close();
    }

    writeFileSync(leftover, LEFTOVER_TEXT);
    const closed = await openTestLibrary(root, { maintenance: true });
    await closed.core.close();
    expect(existsSync(leftover)).toBe(false);
  });

  it('at open, the library is usable at once; the check repairs in the background and reports it', async () => {
    const { root, libraryDir, ids, dirOf } = await builtLibrary();
    const [truncated, , noText] = ids as [string, string, string];
    writeFileSync(path.join(dirOf(truncated), 'article.json'), readFileSync(path.join(dirOf(truncated), 'article.json')).subarray(0, 30));
    rmSync(path.join(dirOf(noText), 'text.txt'));
    writeFileSync(path.join(dirOf(noText), 'content.html.123456'), '<p>half');

    const { core, logged } = await openTestLibrary(root, { maintenance: true });
    try {
      expect((await core.listArticles()).map((a) => a.id)).not.toContain(truncated);
      await core.whenChecked();
      const health = await core.libraryHealth();
      expect(health.state).toBe('done');
      expect(health.problems).toEqual([]);
      expect(health.repaired).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^quarantined articles/${truncated} → quarantine/.*article\\.json is not valid JSON`)),
          `rebuilt     articles/${noText}/text.txt from content.html`,
          `removed     articles/${noText}/content.html.123456 (left by an interrupted write)`,
        ]),
      );
      expect(logged.filter((line) => line.startsWith('Library check: '))).toHaveLength(health.repaired.length);
      // The reason inside the quarantine line is the catalog's too, not English in a translated sentence.
      const arabic = health.repairedSentences.map((sentence) => saidIn('ar', sentence));
      expect(arabic).toContainEqual(expect.stringMatching(new RegExp(`^نُقل articles/${truncated} إلى الحجر ← quarantine/.*\\(الملف article\\.json ليس JSON صالحًا \\(مقطوع أو تالف\\)\\)$`)));
      for (const line of arabic) expect(line).not.toMatch(/\b(?:is|not|valid|left|from)\b/);
      expect((await core.getContent(noText)).text.length).toBeGreaterThan(100);
    } finally {
      await core.close();
    }
    expect(existsSync(dirOf(truncated))).toBe(false);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('a truncated quire-library.json: check reports it, and the library still opens with every article, the broken file kept', async () => {
    const { root, libraryDir, ids, createIndex } = await builtLibrary();
    const manifest = path.join(libraryDir, 'quire-library.json');
    writeFileSync(manifest, '{"formatVersion": 1, "crea');
    const report = await checkLibrary(libraryDir);
    expect(report.problems.map((p) => [p.where, p.message])).toEqual([
      ['quire-library.json', 'quire-library.json is not valid JSON (truncated or damaged); a new one can be written (the broken file is kept).'],
    ]);
    const { core, logged } = await openTestLibrary(root, { createIndex });
    try {
      expect((await core.listArticles()).map((a) => a.id).sort()).toEqual(ids.slice(0, 4).sort());
    } finally {
      await core.close();
    }
    expect(logged.some((line) => line.startsWith('quire-library.json could not be read; a new one was written'))).toBe(true);
    const kept = readdirSync(libraryDir).filter((name) => name.startsWith('quire-library.json.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(libraryDir, kept[0]!), 'utf8')).toBe('{"formatVersion": 1, "crea');
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('an article replacement a crash interrupted: the set-aside article is put back, a finished one tidied', async () => {
    const { libraryDir, ids, dirOf } = await builtLibrary();
    const [aside, finished] = ids as [string, string];
    renameSync(dirOf(aside), path.join(libraryDir, 'articles', `.replaced-${aside}`));
    cpSync(dirOf(finished), path.join(libraryDir, 'articles', `.replaced-${finished}`), { recursive: true });
    const report = await checkLibrary(libraryDir);
    expect(report.problems.map((p) => [p.where, p.message])).toEqual([
      [`articles/.replaced-${aside}`, 'An article set aside by a replacement that a crash interrupted; it can be put back.'],
      [`articles/.replaced-${finished}`, 'The old copy of an article whose replacement finished; it can be removed.'],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    const { actions } = await repairLibrary(libraryDir, report.problems, now);
    expect(actions).toEqual(
      expect.arrayContaining([
        `restored    articles/.replaced-${aside} to its place (a replacement a crash interrupted)`,
        `removed     articles/.replaced-${finished} (the old copy of a finished replacement)`,
      ]),
    );
    expect(existsSync(path.join(dirOf(aside), 'content.html'))).toBe(true);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('finds what an older Quire left (an empty original from a named pipe, a title and tags with direction overrides and zero-width spaces, a note dated "yesterday") and repairs it', async () => {
    const { libraryDir, ids, dirOf, brokenNote } = await builtLibrary();
    const noteFile = path.join(dirOf(ids[1]!), 'annotations', `${brokenNote.id}.json`);
    writeFileSync(noteFile, JSON.stringify({ ...brokenNote, createdAt: 'yesterday' }, null, 2));
    const seed = dirOf(ids[3]!);
    const metaFile = path.join(seed, 'article.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { title: string; tags: string[] };
    const original = readdirSync(seed).find((name) => name.startsWith('original.'))!;
    writeFileSync(path.join(seed, original), '');
    writeFileSync(metaFile, JSON.stringify({ ...meta, title: `Invoice\u202Egpj.exe`, tags: ['news', 'ne\u200Bws', '\uD800half'] }, null, 2));
    const before = snapshot(libraryDir);

    const report = await checkLibrary(libraryDir);
    // Articles are checked in the order of their (random) ids.
    expect(report.problems).toHaveLength(3);
    expect(report.problems.map((p) => [p.where, p.message])).toEqual(expect.arrayContaining([
      [`articles/${ids[1]}/annotations/${brokenNote.id}.json`, 'A bookmark or note has dates that are not ISO 8601 dates; they can be set to the time of the repair.'],
      [`articles/${ids[3]}/article.json`, expect.stringMatching(/^The title or tags hold characters Quire never stores in a label/)],
      [`articles/${ids[3]}/${original}`, `${original} is empty, not the file that was imported; it can be set aside (the article keeps its text).`],
    ]));
    expect(snapshot(libraryDir)).toEqual(before);

    const repaired = await repairLibrary(libraryDir, report.problems, now);
    expect(repaired.failures).toEqual([]);
    expect(JSON.parse(readFileSync(metaFile, 'utf8'))).toMatchObject({ title: 'Invoicegpj.exe', tags: ['news', 'half'] });
    expect(existsSync(path.join(seed, original))).toBe(false);
    expect(JSON.parse(readFileSync(noteFile, 'utf8'))).toMatchObject({ note: 'will be damaged', createdAt: now(), updatedAt: brokenNote.updatedAt });
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('a library with nothing wrong reports nothing at open', async () => {
    const { root, createIndex } = await builtLibrary();
    const { core } = await openTestLibrary(root, { maintenance: true, createIndex });
    try {
      await core.whenChecked();
      expect(await core.libraryHealth()).toMatchObject({ state: 'done', repaired: [], problems: [] });
    } finally {
      await core.close();
    }
  });
});
