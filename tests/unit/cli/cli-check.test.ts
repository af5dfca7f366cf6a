/**
 * `quire check`, `backup`, `export-library` and `import-library` as a person runs them: the built
 * command on real libraries (corpus documents imported), broken by hand in the ways crashes and
 * sync tools break them. Assertions are on what the person sees: lines, exit codes, files.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire, type QuireRun } from '../../support/run-quire';
import { SEED_FILE, webPageFile } from '../../support/corpus-paths';

const SEED = SEED_FILE;
const WEB_PAGE = webPageFile('bbc-1');

/** The search index folder of the one library a test home has opened. */
function indexDirOf(home: string): string {
  const cache = path.join(home, 'config', 'Quire', '.quire-cache');
  const [key] = readdirSync(cache);
  return path.join(cache, key!, 'index');
}

function breakIndexSegments(home: string): number {
  const dir = indexDirOf(home);
  const segments = readdirSync(dir).filter((name) => name.startsWith('seg-'));
  for (const name of segments) writeFileSync(path.join(dir, name), Buffer.from([0x00, 0xde, 0xad, 0xbe, 0xef, 0x7b]));
  return segments.length;
}

describe('quire check (built, real core)', () => {
  let home: string;
  let libraryDir: string;
  let seedId: string;
  let pageId: string;
  const quire = (...args: string[]): Promise<QuireRun> => runQuire(home, libraryDir, args);
  const articleDir = (id: string) => path.join(libraryDir, 'articles', id);

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'quire-cli-check-'));
    libraryDir = path.join(home, 'library');
    const run = await quire('import', SEED, WEB_PAGE);
    const ids = run.stdout.split('\n').filter((l) => /^(imported|duplicate)/.test(l)).map((l) => l.split(/\s+/)[1]!);
    [seedId, pageId] = ids as [string, string];
    await quire('bookmark', seedId, '--quote', 'bridge the views of neighboring countries', '--note', 'ask Layla');
  }, 120_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('says a library Quire wrote is fine, and exits 0', async () => {
    const run = await quire('check');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Checked \d+ articles, 1 bookmark or note, 0 in the trash\.\nNo problems found\.\n$/);
  });

  it('reports a truncated article.json, a missing text.txt, a stray temp file and a corrupt index, changing nothing', async () => {
    const meta = readFileSync(path.join(articleDir(pageId), 'article.json'));
    writeFileSync(path.join(articleDir(pageId), 'article.json'), meta.subarray(0, 80));
    rmSync(path.join(articleDir(seedId), 'text.txt'));
    writeFileSync(path.join(articleDir(seedId), 'content.html.4242424242'), '<p>half written');
    expect(breakIndexSegments(home)).toBeGreaterThan(0);
    writeFileSync(path.join(indexDirOf(home), 'manifest.json.99'), '{"version":');

    const run = await quire('check', '--settled');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(`problem     articles/${pageId}: This article cannot be read: article.json is not valid JSON (truncated or damaged).`);
    expect(lines).toContain(`problem     articles/${seedId}/text.txt: text.txt is missing; it can be derived again from content.html.`);
    expect(lines).toContain(`problem     articles/${seedId}/content.html.4242424242: A temp file left by an interrupted write.`);
    expect(lines).toContain('problem     search index/manifest.json.99: A temp file left by an interrupted write.');
    expect(lines.some((l) => /^problem {5}search index: 1 index segment is missing or corrupt; \d+ articles to index again\.$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ problems found; quire check --repair fixes all of them\. Nothing was changed\.$/);
    expect(existsSync(path.join(articleDir(seedId), 'content.html.4242424242'))).toBe(true);
    expect(existsSync(path.join(articleDir(seedId), 'text.txt'))).toBe(false);

    const json = await quire('check', '--json', '--settled');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; found: { where: string; repairable: boolean }[]; repaired: string[] };
    expect(report.ok).toBe(false);
    expect(report.repaired).toEqual([]);
    expect(report.found.map((p) => p.where)).toEqual(expect.arrayContaining([`articles/${pageId}`, `articles/${seedId}/text.txt`, 'search index']));
    expect(report.found.every((p) => p.repairable)).toBe(true);
  });

  it('--repair fixes all of it, one line per action, and the library then checks clean', async () => {
    const run = await quire('check', '--repair', '--settled');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(`removed     articles/${seedId}/content.html.4242424242 (left by an interrupted write)`);
    expect(lines).toContain('removed     search index/manifest.json.99 (left by an interrupted write)');
    expect(lines).toContain(`rebuilt     articles/${seedId}/text.txt from content.html`);
    expect(lines.find((l) => l.startsWith(`quarantined articles/${pageId} → quarantine/`))).toMatch(/\(article\.json is not valid JSON \(truncated or damaged\)\)$/);
    expect(lines.find((l) => l.startsWith('reindexed   search index: '))).toBeDefined();
    expect(lines.at(-1)).toMatch(/^Repaired \d+ problems; no problems remain\.$/);

    const [quarantined] = readdirSync(path.join(libraryDir, 'quarantine'));
    expect(readFileSync(path.join(libraryDir, 'quarantine', quarantined!, 'README.txt'), 'utf8')).toContain('article.json is not valid JSON');
    expect(existsSync(path.join(libraryDir, 'quarantine', quarantined!, pageId, 'content.html'))).toBe(true);

    const again = await quire('check');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No problems found.');
    const hits = JSON.parse((await quire('search', 'Layla', '--json')).stdout) as { articleId: string; kind: string }[];
    expect(hits).toEqual([expect.objectContaining({ articleId: seedId, kind: 'bookmark' })]);
  });

  it('search keeps answering when the index segments are corrupt: they are rebuilt from the files', async () => {
    breakIndexSegments(home);
    const run = await quire('search', 'Fuad Hussein', '--json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { articleId: string }[])[0]).toMatchObject({ articleId: seedId });
    rmSync(indexDirOf(home), { recursive: true });
    const rebuilt = await quire('search', 'Fuad Hussein', '--json');
    expect((JSON.parse(rebuilt.stdout) as { articleId: string }[])[0]).toMatchObject({ articleId: seedId });
    expect((await quire('check')).code).toBe(0);
  });

  it('a corrupt settings file: the command works on defaults, says so, and keeps the broken copy', async () => {
    const settings = path.join(home, 'config', 'Quire', 'settings.json');
    writeFileSync(settings, '{"theme": "dark", "fontSi');
    const run = await quire('list');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Iraq: Regional security impacts Iraq');
    expect(run.stderr).toMatch(/^quire: The settings file could not be read; defaults are in use and the broken file was kept as .*settings\.json\.broken-\d{8}T\d{9}Z\n$/);
    const kept = readdirSync(path.dirname(settings)).filter((n) => n.startsWith('settings.json.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(settings), kept[0]!), 'utf8')).toBe('{"theme": "dark", "fontSi');
    expect((await quire('list')).stderr).toBe('');
  });

  it('backup makes a backup in backups/, --list shows it, --keep rotates', async () => {
    const first = await quire('backup');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^backed up {3}${path.join(libraryDir, 'backups')}/quire-backup-\\d{8}T\\d{9}Z\\.zip \\(\\d+ KB\\)\\n$`));
    await quire('backup');
    const list = await quire('backup', '--list');
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    const rotated = await quire('backup', '--keep', '1');
    expect(rotated.stdout.match(/^removed /gm)).toHaveLength(2);
    expect(readdirSync(path.join(libraryDir, 'backups'))).toHaveLength(1);
    const bad = await quire('backup', '--keep', '0');
    expect(bad.code).toBe(2); // a usage error, like every bad option
    expect(bad.stderr).toContain('--keep must be a whole number from 1 to 365.');
  });

  it('export-library then import-library into another library: --dry-run writes nothing, the import adds, a second adds nothing, what differs is kept until --prefer-archive', async () => {
    const archive = path.join(home, 'whole.zip');
    const exported = await quire('export-library', archive);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^exported {4}\d+ articles and 1 bookmark or note to .*whole\.zip\n$/);

    const other = path.join(home, 'other-library');
    const otherQuire = (...args: string[]) => runQuire(home, other, args);
    expect((await otherQuire('list')).code).toBe(0); // a new library, with the sample articles
    const files = () => readdirSync(path.join(other, 'articles'), { recursive: true }).map(String).sort();
    const before = files();
    const dry = await otherQuire('import-library', archive, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim().split('\n').at(-1)).toMatch(/ Nothing was changed \(dry run\)\.$/);
    // The sample articles are the same texts in both libraries: the bookmark merges into this one's copy.
    expect(dry.stdout).toMatch(/^would add {3}annotation /m);
    expect(files()).toEqual(before);

    const real = await otherQuire('import-library', archive);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^Added \d+ articles? and 1 bookmark or note\.$/m);
    const annotations = JSON.parse((await otherQuire('search', 'Layla', '--json')).stdout) as { kind: string; articleId: string }[];
    expect(annotations).toEqual([expect.objectContaining({ kind: 'bookmark' })]);
    const second = await otherQuire('import-library', archive);
    expect(second.stdout).toBe('Added 0 articles and 0 bookmarks and notes.\n');
    expect((await otherQuire('check')).code).toBe(0);

    // A tag given here: the archive differs, so the import keeps this library's version and says how to take the archive's.
    const bookmarked = annotations[0]!.articleId;
    const tags = async () => (JSON.parse((await otherQuire('show', bookmarked, '--json')).stdout) as { tags: string[] }).tags;
    const archived = await tags(); // the same as the archive's: the second import found no difference
    await otherQuire('tag', bookmarked, 'mine');
    const kept = await otherQuire('import-library', archive);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(new RegExp(`^kept {3}article ${bookmarked} \\(.+\\) as it is here; the archive's copy differs in its tags$`, 'm'));
    expect(kept.stdout.trim().split('\n').at(-1)).toBe(
      "Added 0 articles and 0 bookmarks and notes. The details of 1 article differ from the archive and were kept as they are here; run again with --prefer-archive to take the archive's versions.",
    );
    expect(await tags()).toEqual([...archived, 'mine']);
    const dryPrefer = await otherQuire('import-library', archive, '--dry-run', '--prefer-archive');
    expect(dryPrefer.stdout.trim().split('\n').at(-1)).toBe(
      "Would add 0 articles and 0 bookmarks and notes. Would replace the details of 1 article with the archive's versions (--prefer-archive). Nothing was changed (dry run).",
    );
    expect(await tags()).toEqual([...archived, 'mine']);
    const preferred = await otherQuire('import-library', archive, '--prefer-archive');
    expect(preferred.stdout).toMatch(new RegExp(`^replaced the tags of article ${bookmarked} \\(.+\\) with the archive's$`, 'm'));
    expect(await tags()).toEqual(archived);

    const garbage = path.join(home, 'garbage.zip');
    writeFileSync(garbage, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]));
    const refused = await otherQuire('import-library', garbage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('This is not a Quire archive Quire can read: it is not a zip file, or it is damaged.\n');
  });
});
