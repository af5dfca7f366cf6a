/**
 * Bookmarks and notes through the whole core: new text for an article (re-anchoring, nothing
 * dropped), re-attaching, and the W3C export → delete → import round trip.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuireCore } from '../../../../electron/core/open-quire';
import type { Annotation } from '../../../../electron/shared/models';
import { SEED_FILE } from '../support/corpus';
import { useImportedLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';
import { unzipTexts } from '../support/unzip-texts';

const tempDir = useTempDir();

const KEPT = 'Iraq is trying to bridge the views of neighboring countries';
const REWORDED = 'the first Baghdad conference was held';
const DELETED = 'Iraqi Prime Minister Muhammad al-Sudani intends to visit Iran soon';

/**
 * The seed article imported once per file; each test opens its own copy of the library that import
 * left (an import starts the import host and reads the file: about a second each time).
 */
const importedSeed = useImportedLibrary(() => [SEED_FILE]);

async function seededLibrary(): Promise<{ quire: QuireCore; id: string; text: string; root: string }> {
  const root = tempDir();
  const { core: quire, outcomes } = await importedSeed(root);
  const [outcome] = outcomes;
  if (outcome?.status !== 'imported') throw new Error('seed not imported');
  const id = outcome.article.id;
  return { quire, id, text: (await quire.getContent(id)).text, root };
}

async function bookmarkQuotes(quire: QuireCore, id: string): Promise<Annotation[]> {
  const made: Annotation[] = [];
  for (const [quote, color] of [[KEPT, 'yellow'], [REWORDED, 'green'], [DELETED, 'pink']] as const) {
    made.push(await quire.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote }, color, note: `note on ${color}` }));
  }
  made.push(await quire.createAnnotation({ articleId: id, kind: 'note', note: 'About the whole article.' }));
  return made;
}

/** The seed article as an updated version of it would read. */
function editedSeed(root: string, text: string): string {
  const firstBreak = text.indexOf('\n');
  const paragraphOf = (quote: string) => {
    const at = text.indexOf(quote);
    return text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at) + 1);
  };
  const edited = (text.slice(0, firstBreak) + '\nUpdate: this report was revised with new details.' + text.slice(firstBreak))
    .replace(REWORDED, 'the first Baghdad conference took place')
    .replace(paragraphOf(DELETED), '');
  const file = path.join(root, 'seed-updated.txt');
  writeFileSync(file, edited);
  return file;
}

describe('new text for an article (import --replace)', () => {
  it('re-anchors every passage and reports how each was placed; nothing is dropped', async () => {
    const { quire, id, text, root } = await seededLibrary();
    const before = await bookmarkQuotes(quire, id);
    const title = (await quire.getArticle(id)).title;
    const outcome = await quire.replaceArticleText(id, editedSeed(root, text));
    expect(outcome.anchors).toEqual({ exact: 1, fuzzy: 1, unplaced: 1 });
    expect(outcome.article).toMatchObject({ id, title });

    const newText = (await quire.getContent(id)).text;
    expect(newText).toContain('Update: this report was revised');
    const after = await quire.listAnnotations(id);
    expect(after).toHaveLength(before.length);
    const byNote = new Map(after.map((a) => [a.note, a]));
    const kept = byNote.get('note on yellow')!;
    expect(kept.anchorState).toBe('exact');
    expect(newText.slice(kept.target!.position.start, kept.target!.position.end)).toBe(KEPT);
    const reworded = byNote.get('note on green')!;
    expect(reworded.anchorState).toBe('fuzzy');
    expect(newText.slice(reworded.target!.position.start, reworded.target!.position.end)).toContain('Baghdad conference');
    const deleted = byNote.get('note on pink')!;
    expect(deleted.anchorState).toBe('unplaced');
    expect(deleted.target?.quote.exact).toBe(DELETED);
    expect(byNote.get('About the whole article.')?.target).toBeNull();
    await quire.close();
  });

  it('keeps the unplaced state after reopening, and re-attaches when new text is selected', async () => {
    const { quire, id, text, root } = await seededLibrary();
    await bookmarkQuotes(quire, id);
    await quire.replaceArticleText(id, editedSeed(root, text));
    const unplaced = (await quire.listAnnotations(id)).find((a) => a.anchorState === 'unplaced')!;
    const newText = (await quire.getContent(id)).text;
    const start = newText.indexOf('collective security');
    const reattached = await quire.updateAnnotation(id, unplaced.id, { passage: { start, end: start + 19 } });
    expect(reattached).toMatchObject({ anchorState: 'exact', note: unplaced.note, color: unplaced.color });
    expect(reattached.target?.quote.exact).toBe('collective security');
    const stored = (await quire.listAnnotations(id)).find((a) => a.id === unplaced.id);
    expect(stored?.anchorState).toBe('exact');
    await quire.close();
  });

  it('refuses a file it cannot import and changes nothing', async () => {
    const { quire, id, root } = await seededLibrary();
    await bookmarkQuotes(quire, id);
    const before = { article: await quire.getArticle(id), content: await quire.getContent(id), annotations: await quire.listAnnotations(id) };
    const empty = path.join(root, 'empty.txt');
    writeFileSync(empty, '');
    await expect(quire.replaceArticleText(id, empty)).rejects.toThrow('The file is empty.');
    await expect(quire.replaceArticleText(id, path.join(root, 'missing.txt'))).rejects.toThrow('The file does not exist.');
    expect(await quire.getArticle(id)).toEqual(before.article);
    expect(await quire.getContent(id)).toEqual(before.content);
    expect(await quire.listAnnotations(id)).toEqual(before.annotations);
    await quire.close();
  });
});

describe('export and import of W3C Web Annotations', () => {
  it('export → delete every annotation → import restores them identically', async () => {
    const { quire, id, text, root } = await seededLibrary();
    await bookmarkQuotes(quire, id);
    await quire.replaceArticleText(id, editedSeed(root, text)); // exact, fuzzy and unplaced ones
    const before = await quire.listAnnotations(id);
    const exported = await quire.exportAnnotations(id, 'w3c');
    expect(exported.fileName).toMatch(/\.json$/);
    for (const annotation of before) await quire.deleteAnnotation(id, annotation.id);
    expect(await quire.listAnnotations(id)).toEqual([]);

    const summary = await quire.importAnnotations(exported.text);
    expect(summary).toEqual({ added: before.length, updated: 0, unchanged: 0, skipped: [], skippedSentences: [] });
    expect(await quire.listAnnotations(id)).toEqual(before);
    // Twice changes nothing.
    expect(await quire.importAnnotations(exported.text)).toEqual({ added: 0, updated: 0, unchanged: before.length, skipped: [], skippedSentences: [] });
    await quire.close();
  });

  it('skips what belongs to no article here, names why, and imports the rest', async () => {
    const { quire, id } = await seededLibrary();
    await bookmarkQuotes(quire, id);
    const exported = JSON.parse((await quire.exportAnnotations(id, 'w3c')).text) as { first: { items: { id: string; target: { source: string } }[] } };
    const [first] = exported.first.items;
    first!.id = first!.id.replace(id, 'zz-not-here-0001');
    for (const annotation of await quire.listAnnotations(id)) await quire.deleteAnnotation(id, annotation.id);
    const summary = await quire.importAnnotations(JSON.stringify(exported));
    expect(summary.added).toBe(3);
    expect(summary.skipped).toEqual([expect.stringContaining('its article zz-not-here-0001 is not in the library')]);
    await quire.close();
  });

  it('refuses a file that is not JSON or not Web Annotations in one sentence', async () => {
    const { quire } = await seededLibrary();
    await expect(quire.importAnnotations('# notes')).rejects.toThrow('This file is not JSON');
    await expect(quire.importAnnotations('{"hello": 1}')).rejects.toThrow('not a W3C Web Annotation collection');
    await quire.close();
  });

  it('exports Markdown with the quote, note, colour, placement and a quire:// link', async () => {
    const { quire, id, text, root } = await seededLibrary();
    await bookmarkQuotes(quire, id);
    await quire.replaceArticleText(id, editedSeed(root, text));
    const { text: markdown, fileName } = await quire.exportAnnotations(id, 'markdown');
    expect(fileName).toBe(`Iraq Regional security impacts Iraq, relations with Iran - ${id}.md`);
    expect(markdown.startsWith('---\ntitle: "Iraq: Regional security')).toBe(true);
    expect(markdown).toContain(`> ${KEPT}`);
    expect(markdown).toContain('note on yellow');
    expect(markdown).toContain('colour: yellow');
    expect(markdown).toContain('not found in the current text of the article');
    expect(markdown).toMatch(new RegExp(`\\(quire://article/${id}\\?passage=\\d+-\\d+\\)`));
    await quire.close();
  });
});

describe('export of the whole library ("Export all…")', () => {
  async function twoAnnotatedArticles() {
    const seeded = await seededLibrary();
    await bookmarkQuotes(seeded.quire, seeded.id);
    const other = path.join(seeded.root, 'other.txt');
    writeFileSync(other, 'A second article\n\nIts only paragraph has a sentence worth keeping for later.');
    const [outcome] = await seeded.quire.importPaths([other]);
    if (outcome?.status !== 'imported') throw new Error('second article not imported');
    const otherId = outcome.article.id;
    await seeded.quire.createAnnotation({ articleId: otherId, kind: 'note', passage: { quote: 'worth keeping' }, color: 'blue', note: 'second' });
    return { ...seeded, otherId };
  }

  it('W3C: one file whose import restores every annotation of every article', async () => {
    const { quire, id, otherId } = await twoAnnotatedArticles();
    const before = await quire.listAllAnnotations();
    const exported = await quire.exportLibraryAnnotations('w3c');
    if (!('text' in exported)) throw new Error('expected a text file');
    expect(exported).toMatchObject({ mediaType: 'application/ld+json', fileName: expect.stringMatching(/^Quire bookmarks and notes \d{4}-\d{2}-\d{2}\.json$/) });
    expect((JSON.parse(exported.text) as { total: number }).total).toBe(5);
    for (const annotation of before) await quire.deleteAnnotation(annotation.articleId, annotation.id);

    expect(await quire.importAnnotations(exported.text)).toEqual({ added: 5, updated: 0, unchanged: 0, skipped: [], skippedSentences: [] });
    expect(await quire.listAnnotations(id)).toEqual(before.filter((a) => a.articleId === id));
    expect(await quire.listAnnotations(otherId)).toEqual(before.filter((a) => a.articleId === otherId));
    await quire.close();
  });

  it('Markdown: a zip with one file per annotated article, as export --all writes them', async () => {
    const { quire, id, otherId } = await twoAnnotatedArticles();
    const exported = await quire.exportLibraryAnnotations('markdown');
    if (!('dataBase64' in exported)) throw new Error('expected a zip');
    expect(exported.fileName).toMatch(/\.zip$/);
    const files = await unzipTexts(exported.dataBase64);
    expect(files.get(`Iraq Regional security impacts Iraq, relations with Iran - ${id}.md`)).toBe((await quire.exportAnnotations(id, 'markdown')).text);
    expect(files.get(`A second article - ${otherId}.md`)).toContain('worth keeping');
    expect(files.size).toBe(2);
    await quire.close();
  });
});
