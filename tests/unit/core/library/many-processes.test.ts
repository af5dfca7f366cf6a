/**
 * One library, many writers at once, as a user has it who keeps the app open, a browser tab on
 * `quire serve` (twice) and scripts running `quire` in a terminal: the app's core (in this
 * process, holding the library lock, as the desktop app does), two `quire serve` processes and a
 * command-line loop tag, scroll, write notes and bookmarks, delete and restore, and import, each
 * at its own seeded pace. Every write that was acknowledged must be on disk at the end, every one
 * that was refused must not be, the app must have taken in what the others did, and `quire check`
 * must find nothing.
 *
 * QUIRE_SOAK_ROUNDS (default 12) sets the rounds per writer, for a longer soak on a quiet machine;
 * QUIRE_SOAK_SEED changes the timings.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuireCore } from '../../../../electron/core/open-quire';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import type { Annotation, ArticleMeta, ImportOutcome } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { runQuire } from '../../../support/run-quire';
import { seededRandom } from '../../../support/seeded-random';
import { startServe, type ServeProcess } from '../../../support/serve-process';
import { openTestLibrary } from '../support/import-library';

const ROUNDS = Number(process.env.QUIRE_SOAK_ROUNDS ?? 12);
const SEED = Number(process.env.QUIRE_SOAK_SEED ?? 13);
/** Articles there from the start: each writer owns two of them for delete and restore; the rest anyone moves. */
const SHARED_ARTICLES = 10;
const CONTESTED = [8, 9];
const QUOTE = 'the passage every writer bookmarks';

/**
 * The sentences a writer may be refused with; anything else (an `internal` error, a raw ENOENT, the
 * command line told the library is busy although the app answers it) is a bug.
 */
const EXPECTED_REFUSALS = [
  /^That article is not in the library\.$/,
  /^That article is no longer in the library: another Quire/,
  /^That article is not in the trash\.$/,
  /^An article with the same id is already in the library\.$/,
];

type Writer = (method: string, args: readonly unknown[]) => Promise<Result<unknown>>;

/** What one writer did: what was acknowledged and what was refused, to compare with the disk at the end. */
interface Ledger {
  tags: { id: string; tag: string; acked: boolean }[];
  notes: { id: string; text: string; annotationId: string | null }[];
  moves: Map<string, 'articles' | 'trash'>;
  /** deletes and restores acknowledged */
  moved: number;
  imports: { title: string; acked: boolean }[];
  refusals: string[];
}

const newLedger = (): Ledger => ({ tags: [], notes: [], moves: new Map(), moved: 0, imports: [], refusals: [] });

interface Op {
  kind: 'tag' | 'note' | 'bookmark' | 'progress' | 'move' | 'contested-move' | 'import';
  article: string;
}

describe('the app, two quire serve processes and the command line on one library at once', () => {
  let root: string;
  let libraryDir: string;
  let app: QuireCore;
  const serves: ServeProcess[] = [];
  let ids: string[];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-soak-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    const files = Array.from({ length: SHARED_ARTICLES }, (_, i) => {
      const file = path.join(seeds, `shared-${i}.txt`);
      writeFileSync(file, `Shared article ${i}\n\nThis is ${QUOTE}, in article ${i}.\n\nIts second paragraph, to scroll past.`);
      return file;
    });
    // The app: a core opened for maintenance holds the library lock, watches the folder and answers the command line.
    ({ core: app, libraryDir } = await openTestLibrary(root, { maintenance: true }));
    const outcomes = await app.importPaths(files);
    ids = outcomes.map((outcome) => {
      if (outcome.status !== 'imported') throw new Error(`seed not imported: ${JSON.stringify(outcome)}`);
      return outcome.article.id;
    });
    await app.whenWatching();
    // Each serve has its own home: its own settings and search index, as on two accounts' browsers.
    for (const name of ['serve-a', 'serve-b']) serves.push(await startServe(path.join(root, name), libraryDir));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(serves.map((serve) => serve.stop()));
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, writes nothing refused, and quire check finds no problem', async () => {
    // An unexpected error becomes an `internal` refusal, which fails the test below; its stack goes to the test's output.
    const appApi = createDirectApi(app, (error) => console.error('app: unexpected', error));
    const asWriter =
      (api: typeof appApi): Writer =>
      (method, args) =>
        (api[method as keyof typeof api] as (...a: unknown[]) => Promise<Result<unknown>>)(...args);
    const cliHome = path.join(root, 'cli');
    const writers: { name: string; write: Writer | null; rounds: number }[] = [
      { name: 'app', write: asWriter(appApi), rounds: ROUNDS },
      { name: 'serve-a', write: (m, a) => serves[0]!.call(m, a), rounds: ROUNDS },
      { name: 'serve-b', write: (m, a) => serves[1]!.call(m, a), rounds: ROUNDS },
      // The command line spawns a process per command: fewer rounds, same kinds of change.
      { name: 'cli', write: null, rounds: Math.max(2, Math.ceil(ROUNDS / 2)) },
    ];
    const imports = path.join(root, 'imports');
    mkdirSync(imports);

    const runWriter = async (name: string, write: Writer | null, rounds: number, owner: number): Promise<Ledger> => {
      const ledger = newLedger();
      const random = seededRandom(SEED * 97 + owner);
      const owned = [ids[owner * 2]!, ids[owner * 2 + 1]!];
      const where = new Map(owned.map((id) => [id, 'articles' as 'articles' | 'trash']));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const kinds: Op['kind'][] = write ? ['tag', 'tag', 'note', 'bookmark', 'progress', 'move', 'contested-move', 'import'] : ['tag', 'note', 'bookmark', 'move', 'contested-move', 'import'];

      const refused = (message: string): void => {
        ledger.refusals.push(message);
        expect(EXPECTED_REFUSALS.some((sentence) => sentence.test(message)), `${name} was refused with: ${message}`).toBe(true);
      };
      const cli = async (args: string[]): Promise<string | null> => {
        const run = await runQuire(cliHome, libraryDir, args);
        if (run.code === 0) return run.stdout;
        refused(run.stderr.trim());
        return null;
      };
      const api = async <T>(method: string, args: readonly unknown[]): Promise<T | null> => {
        const answer = await write!(method, args);
        if (answer.ok) return answer.value as T;
        refused(answer.error.message);
        return null;
      };

      for (let round = 0; round < rounds; round += 1) {
        // A seeded pause between changes (0 to 40 ms): each run interleaves the writers the same way per seed, differently per writer.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 40)));
        const kind = pick(kinds);
        const article = pick(ids);
        const label = `${name}-${round}`;
        if (kind === 'tag') {
          const tag = `t-${label}`;
          const done = write ? (await api('tagArticles', [[article], [tag]])) !== null : (await cli(['tag', article, tag])) !== null;
          ledger.tags.push({ id: article, tag, acked: done });
        } else if (kind === 'note' || kind === 'bookmark') {
          const text = `${kind} by ${label}`;
          let annotationId: string | null;
          if (write) {
            const input = kind === 'note' ? { articleId: article, kind, note: text } : { articleId: article, kind, note: text, passage: { quote: QUOTE } };
            annotationId = (await api<Annotation>('createAnnotation', [input]))?.id ?? null;
          } else {
            const args = kind === 'note' ? ['note', article, text] : ['bookmark', article, '--quote', QUOTE, '--note', text];
            const out = await cli(args);
            annotationId = out === null ? null : /^(?:noted|bookmarked)\s+(\S+)/.exec(out)![1]!;
          }
          ledger.notes.push({ id: article, text, annotationId });
        } else if (kind === 'progress') {
          await api<ArticleMeta>('setProgress', [article, { progress: random(), position: Math.floor(random() * 500) }]);
        } else if (kind === 'move') {
          const mine = pick(owned);
          const to = where.get(mine) === 'articles' ? 'trash' : 'articles';
          const done = write
            ? (await api(to === 'trash' ? 'deleteArticle' : 'restoreArticle', [mine])) !== null
            : (await cli([to === 'trash' ? 'delete' : 'restore', mine])) !== null;
          if (done) {
            where.set(mine, to);
            ledger.moved += 1;
          }
        } else if (kind === 'contested-move') {
          // Anyone deletes or restores these, often at once: which wins is a race, but the article is never lost or doubled.
          const contested = ids[pick(CONTESTED)]!;
          const method = random() < 0.5 ? 'delete' : 'restore';
          const done = write ? await api(method === 'delete' ? 'deleteArticle' : 'restoreArticle', [contested]) : await cli([method, contested]);
          if (done !== null) ledger.moved += 1;
        } else {
          const title = `Imported by ${label}`;
          const file = path.join(imports, `${label}.txt`);
          writeFileSync(file, `${title}\n\nWritten by ${name} in round ${round}, while the others write too.`);
          let acked: boolean;
          if (write) {
            const outcomes = await api<ImportOutcome[]>('importPaths', [[file]]);
            const outcome = outcomes?.[0];
            if (outcome && outcome.status !== 'imported') refused(outcome.status === 'failed' ? outcome.reason : outcome.status);
            acked = outcome?.status === 'imported';
          } else {
            acked = (await cli(['import', file])) !== null;
          }
          ledger.imports.push({ title, acked });
        }
      }
      for (const [id, place] of where) ledger.moves.set(id, place);
      return ledger;
    };

    const started = Date.now();
    const ledgers = await Promise.all(writers.map(({ name, write, rounds }, owner) => runWriter(name, write, rounds, owner)));
    const all = {
      tags: ledgers.flatMap((l) => l.tags),
      notes: ledgers.flatMap((l) => l.notes),
      imports: ledgers.flatMap((l) => l.imports),
      moves: new Map(ledgers.flatMap((l) => [...l.moves])),
      refusals: ledgers.flatMap((l) => l.refusals),
      moved: ledgers.reduce((sum, l) => sum + l.moved, 0),
    };

    // The app takes in what the others did (its library list and tags follow the disk), without a restart.
    const onDisk = readLibrary(libraryDir);
    await waitFor(async () => {
      const listed = await app.listArticles();
      const live = onDisk.articles.filter((a) => a.place === 'articles');
      return (
        listed.length === live.length &&
        live.every((a) => {
          const known = listed.find((m) => m.id === a.meta.id);
          return known !== undefined && [...known.tags].sort().join() === [...a.meta.tags].sort().join();
        })
      );
    }, 'the app to show every article and tag on disk');

    await Promise.all(serves.splice(0).map((serve) => serve.stop()));
    await app.close();
    const final = readLibrary(libraryDir);
    const tagsOf = (id: string): string[] => final.articles.find((a) => a.meta.id === id)?.meta.tags ?? [];
    const allTags = new Set(final.articles.flatMap((a) => a.meta.tags));

    for (const { id, tag, acked } of all.tags) {
      if (acked) expect(tagsOf(id), `acknowledged tag ${tag}`).toContain(tag);
      else expect(allTags.has(tag), `refused tag ${tag}`).toBe(false);
    }
    for (const { id, text, annotationId } of all.notes) {
      if (annotationId === null) {
        expect(final.annotations.some((a) => a.note === text), `refused "${text}"`).toBe(false);
      } else {
        expect(final.annotations.find((a) => a.id === annotationId), `acknowledged "${text}"`).toMatchObject({ articleId: id, note: text });
      }
    }
    for (const [id, place] of all.moves) {
      expect(final.articles.filter((a) => a.meta.id === id).map((a) => a.place), `article ${id}`).toEqual([place]);
    }
    for (const id of CONTESTED.map((i) => ids[i]!)) expect(final.articles.filter((a) => a.meta.id === id), `contested article ${id}`).toHaveLength(1);
    const titles = final.articles.map((a) => a.meta.title);
    for (const { title, acked } of all.imports) expect(titles.filter((t) => t === title), title).toHaveLength(acked ? 1 : 0);

    // A fresh home has no search index yet: a search builds it, as it would for a new user of the folder.
    const checker = path.join(root, 'checker');
    expect((await runQuire(checker, libraryDir, ['search', 'passage'])).code).toBe(0);
    const check = await runQuire(checker, libraryDir, ['check']);
    expect({ code: check.code, lastLine: check.stdout.trim().split('\n').at(-1), stderr: check.stderr }).toEqual({ code: 0, lastLine: 'No problems found.', stderr: '' });

    const acknowledged = all.tags.filter((t) => t.acked).length + all.notes.filter((n) => n.annotationId).length + all.imports.filter((i) => i.acked).length;
    const refusedBy = new Map<string, number>();
    for (const message of all.refusals) refusedBy.set(message.slice(0, 40), (refusedBy.get(message.slice(0, 40)) ?? 0) + 1);
    console.info(
      `soak: ${ROUNDS} rounds, ${acknowledged} tags/notes/imports and ${all.moved} deletes/restores acknowledged, ${all.refusals.length} refused (${[...refusedBy].map(([m, n]) => `${n}× ${m}…`).join('; ')}), ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 300_000);
});

interface OnDisk {
  articles: { meta: ArticleMeta; place: 'articles' | 'trash' }[];
  annotations: Annotation[];
}

/** Every article.json and annotation file in `articles/` and `trash/`, as the next Quire to open would read them. */
function readLibrary(libraryDir: string): OnDisk {
  const result: OnDisk = { articles: [], annotations: [] };
  for (const place of ['articles', 'trash'] as const) {
    const dir = path.join(libraryDir, place);
    for (const id of readdirSync(dir).filter((name) => !name.startsWith('.'))) {
      const meta = path.join(dir, id, 'article.json');
      if (existsSync(meta)) result.articles.push({ meta: JSON.parse(readFileSync(meta, 'utf8')) as ArticleMeta, place });
      const annotations = path.join(dir, id, 'annotations');
      if (!existsSync(annotations)) continue;
      for (const file of readdirSync(annotations).filter((name) => name.endsWith('.json'))) {
        result.annotations.push(JSON.parse(readFileSync(path.join(annotations, file), 'utf8')) as Annotation);
      }
    }
  }
  return result;
}

/** Polls `condition` until it holds (the watcher reports within a second; the deadline is for a loaded machine). */
async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited 20 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
