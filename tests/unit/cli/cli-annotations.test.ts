/**
 * The built `quire` command for passages that must survive change: `import --replace` (re-anchoring),
 * `export --all` and `import-annotations` (a round trip that loses nothing), on the seed article.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire, type QuireRun } from '../../support/run-quire';
import { SEED_FILE } from '../../support/corpus-paths';

const SEED = SEED_FILE;
const KEPT = 'Iraq is trying to bridge the views of neighboring countries';
const REWORDED = 'the first Baghdad conference was held';
const DELETED = 'Iraqi Prime Minister Muhammad al-Sudani intends to visit Iran soon';

describe('quire CLI: replace, export --all, import-annotations', () => {
  let root: string;
  let libraryDir: string;
  let seedId: string;

  const quire = (...args: string[]): Promise<QuireRun> => runQuire(root, libraryDir, args);

  const annotationsJson = async (): Promise<{ id: string; note: string; anchorState: string; target: unknown }[]> =>
    JSON.parse((await quire('annotations', seedId, '--json')).stdout);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-cli-ann-'));
    libraryDir = path.join(root, 'library');
    const run = await quire('import', SEED);
    const seedLine = run.stdout.split('\n').find((line) => /^(imported|duplicate)\s+\S+\s+Iraq: Regional/.test(line));
    seedId = seedLine!.split(/\s+/)[1]!;
    for (const [quote, color] of [[KEPT, 'yellow'], [REWORDED, 'green'], [DELETED, 'pink']]) {
      const made = await quire('bookmark', seedId, '--quote', quote!, '--color', color!, '--note', `on ${color}`);
      expect(made.code).toBe(0);
    }
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('import --replace re-anchors and prints how many passages were placed exactly, fuzzily, not at all', async () => {
    const text = readFileSync(SEED, 'utf8');
    const paragraph = text.split('\n').find((line) => line.includes(DELETED))!;
    const edited = text
      .replace('\n', '\nUpdate: this report was revised with new details.\n')
      .replace(REWORDED, 'the first Baghdad conference took place')
      .replace(`${paragraph}\n`, '');
    const file = path.join(root, 'seed-updated.txt');
    writeFileSync(file, edited);

    const run = await quire('import', '--replace', seedId, file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`replaced  ${seedId}`);
    expect(run.stdout).toContain('passages: 1 placed exactly, 1 placed fuzzily, 1 not placed');
    const states = Object.fromEntries((await annotationsJson()).map((a) => [a.note, a.anchorState]));
    expect(states).toEqual({ 'on yellow': 'exact', 'on green': 'fuzzy', 'on pink': 'unplaced' });
    expect((await quire('show', seedId, '--text')).stdout).toContain('Update: this report was revised');
  });

  it('import --replace refuses more than one file, and an unknown article, in one sentence', async () => {
    const two = await quire('import', '--replace', seedId, SEED, SEED);
    expect(two.code).toBe(2);
    expect(two.stderr.trim()).toBe('--replace takes exactly one file: quire import --replace ID FILE.');
    const unknown = await quire('import', '--replace', 'no-such-article', SEED);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('That article is not in the library.');
  });

  it('export --all writes one file per annotated article; deleting and importing restores everything', async () => {
    const before = await annotationsJson();
    const outDir = path.join(root, 'export');
    const exported = await quire('export', '--all', '--format', 'w3c', '--out', outDir);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim()).toBe(`exported  1 file to ${outDir}`);
    const [file] = readdirSync(outDir);
    expect(file).toMatch(new RegExp(`- ${seedId}\\.json$`));

    const markdownDir = path.join(root, 'vault');
    expect((await quire('export', '--all', '--format', 'markdown', '--out', markdownDir)).code).toBe(0);
    const markdown = readFileSync(path.join(markdownDir, readdirSync(markdownDir)[0]!), 'utf8');
    expect(markdown).toContain(`> ${KEPT}`);
    expect(markdown).toContain('colour: pink');

    const libraryFolder = path.join(libraryDir, 'articles', seedId, 'annotations');
    rmSync(libraryFolder, { recursive: true });
    expect(await annotationsJson()).toEqual([]);
    const restored = await quire('import-annotations', path.join(outDir, file!));
    expect(restored.stderr).toBe('');
    expect(restored.stdout.trim()).toMatch(/: 3 added, 0 updated, 0 unchanged, 0 skipped$/);
    expect(await annotationsJson()).toEqual(before);
  });

  it('export --all without --out, and import-annotations of a missing file, are one sentence each', async () => {
    const noOut = await quire('export', '--all', '--format', 'markdown');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.trim()).toBe('--all writes one file per article: give the folder with --out DIR.');
    const missing = await quire('import-annotations', path.join(root, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${path.join(root, 'nope.json')} does not exist.`);
  });
});
