/**
 * Two machines, one library, the real engine: two Syncthing daemons on 127.0.0.1 share a Quire
 * library, a Quire core (as the app runs it: watching the folder) works on each side — imports,
 * tags, reading progress, bookmarks, notes, note edits, deletes and restores, at the same time
 * and, with the daemons paused, on the same article.json and the same note — and the test proves
 * that both sides converge to the same files, every acknowledged write is there on both (by the
 * merge rules: tags from both, the newer note, the later position), no conflict copy is left and
 * `quire check` finds nothing on either side.
 *
 * In `npm test` when `syncthing` is installed (skipped, with the reason, where not);
 * QUIRE_SYNC_LONG=1 adds rounds of random concurrent work (seed QUIRE_SYNC_SEED, printed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../../../../electron/core/library/check/check-library';
import { repairLibrary } from '../../../../../electron/core/library/check/repair-library';
import { isConflictCopy } from '../../../../../electron/core/library/sync/conflict-names';
import type { QuireCore } from '../../../../../electron/core/open-quire';
import { openTestLibrary } from '../../support/import-library';
import { SyncthingDaemon, syncthingMissing } from '../../support/syncthing';
import { useTempDir } from '../../support/temp-dir';
import { seededRandom } from '../../../../support/seeded-random';

const missing = syncthingMissing();
const LONG = process.env.QUIRE_SYNC_LONG === '1';
const SEED = Number(process.env.QUIRE_SYNC_SEED ?? Date.now() % 100_000);
const tempDir = useTempDir('quire-syncthing-');

/** What Syncthing leaves out (.stignore) or keeps for itself: not part of the library both sides must hold. */
const MACHINE_LOCAL = /^(?:\.quire-lock|\.quire-locks|\.stfolder|\.stignore|\.stversions)(?:\/|$)|(?:^|\/)(?:\.syncthing\.|~syncthing~|\.tmp-|\.replaced-)/;

/**
 * Every file of the library (path → hash), without what stays on one machine; null when a file
 * or folder went away while it was being read (Syncthing or Quire moving it: not settled yet).
 */
function filesOf(libraryDir: string): Record<string, string> | null {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const relative = path.relative(libraryDir, full).split(path.sep).join('/');
      if (MACHINE_LOCAL.test(relative)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files[relative] = createHash('sha1').update(readFileSync(full)).digest('hex');
    }
  };
  try {
    walk(libraryDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return files;
}

const conflictCopiesIn = (files: Record<string, string>): string[] => Object.keys(files).filter((file) => isConflictCopy(path.posix.basename(file)));

interface Machine {
  name: string;
  daemon: SyncthingDaemon;
  libraryDir: string;
  root: string;
  core: QuireCore | null;
  /** what the running library logged (its merges of conflict copies among it) */
  logged: string[];
}

const opened = (machine: Machine): QuireCore => {
  if (!machine.core) throw new Error(`${machine.name} has no library open`);
  return machine.core;
};

describe.skipIf(missing !== null)(`a library shared by two machines through Syncthing${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const machines: Machine[] = [];

  // Before the temporary folders go (useTempDir's own afterEach runs after this one): a daemon
  // still running would write into a folder being removed.
  afterEach(async () => {
    for (const machine of machines.splice(0)) {
      await machine.core?.close();
      await machine.daemon.stop();
    }
  });

  /** Both daemons have scanned, exchanged everything and agree, both libraries hold the same files and no conflict copy is left. */
  async function converge(a: Machine, b: Machine): Promise<Record<string, string>> {
    let last = '';
    return a.daemon.waitFor(
      async () => {
        await Promise.all([a.daemon.scan(), b.daemon.scan()]);
        const synced = (await a.daemon.inSyncWith(b.daemon)) && (await b.daemon.inSyncWith(a.daemon));
        const [filesA, filesB] = [filesOf(a.libraryDir), filesOf(b.libraryDir)];
        if (filesA === null || filesB === null) {
          last = 'a file moved while it was read';
          return null;
        }
        const same = JSON.stringify(filesA) === JSON.stringify(filesB);
        const conflicts = conflictCopiesIn(filesA).concat(conflictCopiesIn(filesB));
        last = `in sync ${synced}, same files ${same}, conflict copies ${JSON.stringify(conflicts)}`;
        return synced && same && conflicts.length === 0 ? filesA : null;
      },
      (files) => files !== null,
      () => `both libraries to hold the same files (last seen: ${last})`,
      // Syncthing retries a file that changed under its puller after a minute: allow a few of those.
      200_000,
    ) as Promise<Record<string, string>>;
  }

  /** Waits until this machine's running library lists what the test expects (its watcher took the changes in). */
  const shows = <T,>(machine: Machine, read: (core: QuireCore) => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> =>
    machine.daemon.waitFor(() => read(opened(machine)), ok, `${machine.name} to show ${what}`);

  it('converges, keeps every write and leaves no conflict copy, with work on both sides at once and while apart', async () => {
    const started = Date.now();
    const root = tempDir();
    for (const name of ['laptop', 'desktop']) {
      const home = path.join(root, name);
      mkdirSync(path.join(home, 'syncthing'), { recursive: true });
      const daemon = await SyncthingDaemon.create(path.join(home, 'syncthing'));
      machines.push({ name, daemon, root: home, libraryDir: path.join(home, 'library'), core: null, logged: [] });
    }
    const [laptop, desktop] = machines as [Machine, Machine];

    // The laptop makes the library; the desktop opens it once Syncthing has brought it over.
    const open = async (machine: Machine) => {
      const library = await openTestLibrary(machine.root, { maintenance: true });
      machine.core = library.core;
      machine.logged = library.logged;
    };
    await open(laptop);
    mkdirSync(desktop.libraryDir, { recursive: true });
    await Promise.all(machines.map((m) => m.daemon.start()));
    await laptop.daemon.share(laptop.libraryDir, desktop.daemon);
    await desktop.daemon.share(desktop.libraryDir, laptop.daemon);
    await converge(laptop, desktop);
    // Syncthing took Quire's .stignore: the locks and temp files stay on each machine.
    expect(await laptop.daemon.ignores()).toEqual(expect.arrayContaining(['(?d)/.quire-lock', '(?d)/.quire-locks', '(?d).tmp-*']));
    await open(desktop);
    await Promise.all(machines.map((m) => opened(m).whenWatching()));

    // Four articles imported on the laptop reach the desktop's running library.
    const docs = path.join(root, 'docs');
    mkdirSync(docs);
    const sources = ['Tides', 'Lichens', 'Bridges', 'Comets'].map((topic) => {
      const file = path.join(docs, `${topic.toLowerCase()}.txt`);
      writeFileSync(file, `${topic}\n\nA first paragraph about ${topic.toLowerCase()}, long enough to mark a passage in.\n\nA second paragraph, and the end.`);
      return file;
    });
    const imported = await opened(laptop).importPaths(sources);
    const [tides, lichens, bridges, comets] = imported.map((outcome) => {
      if (outcome.status !== 'imported') throw new Error(`${outcome.source} was not imported`);
      return outcome.article.id;
    }) as [string, string, string, string];
    await converge(laptop, desktop);
    await shows(desktop, (core) => core.listArticles(), (list) => list.length === 4, 'the four imported articles');

    // Both at once, online: a tag here, progress there, a bookmark and a note on one article, a delete.
    const [, , bookmark, , noteOnBridges] = await Promise.all([
      opened(laptop).tagArticles([tides], ['from-laptop']),
      opened(desktop).setProgress(tides, { progress: 0.5, position: 10 }),
      opened(laptop).createAnnotation({ articleId: lichens, kind: 'bookmark', passage: { quote: 'A first paragraph' }, color: 'green' }),
      opened(desktop).createAnnotation({ articleId: lichens, kind: 'note', note: 'desktop note on lichens' }),
      opened(laptop).createAnnotation({ articleId: bridges, kind: 'note', note: 'first version' }),
      opened(desktop).deleteArticle(comets),
    ]);
    await converge(laptop, desktop);

    // Apart (the daemons paused): the same article.json and the same note changed on both sides,
    // an article deleted on one while annotated on the other, a restore.
    await laptop.daemon.pause(desktop.daemon);
    await desktop.daemon.pause(laptop.daemon);
    await opened(laptop).tagArticles([tides], ['apart-laptop']);
    await opened(laptop).setProgress(tides, { progress: 0.2, position: 4 });
    await opened(laptop).updateAnnotation(bridges, noteOnBridges.id, { note: 'edited on the laptop' });
    await opened(laptop).deleteArticle(lichens);
    await opened(laptop).restoreArticle(comets);
    await opened(desktop).tagArticles([tides], ['apart-desktop']);
    await opened(desktop).setProgress(tides, { progress: 0.9, position: 30 });
    await opened(desktop).updateAnnotation(bridges, noteOnBridges.id, { note: 'edited on the desktop, later' });
    const lateNote = await opened(desktop).createAnnotation({ articleId: lichens, kind: 'note', note: 'written while the laptop deleted it' });
    await laptop.daemon.resume(desktop.daemon);
    await desktop.daemon.resume(laptop.daemon);
    await converge(laptop, desktop);

    // Both running libraries show the merged article and the newer note.
    for (const machine of machines) {
      const merged = await shows(machine, (core) => core.getArticle(tides), (meta) => meta.progress === 0.9 && meta.tags.length === 3, 'the merged article');
      expect([...merged.tags].sort()).toEqual(['apart-desktop', 'apart-laptop', 'from-laptop']);
      const notes = await shows(machine, (core) => core.listAnnotations(bridges), (list) => list[0]?.note === 'edited on the desktop, later', 'the newer note');
      expect(notes).toHaveLength(1);
      // Waited for, as the note is: the running core sees the deletion when its watcher does.
      const listed = await shows(machine, (core) => core.listArticles(), (list) => list.length === 3, 'the three articles left');
      expect(listed.map((a) => a.id).sort()).toEqual([tides, bridges, comets].sort());
    }
    if (LONG) await randomRounds(laptop, desktop, converge);

    // The note written into the article the other side deleted: `quire check --repair` joins it to
    // the trashed article (the folder is judged at once: both daemons report everything in sync).
    const merges = machines.flatMap((m) => m.logged.filter((line) => line.startsWith("A synchronizer's conflict copy")));
    // Syncthing's own conflict copies (of article.json, and of the note edited on both sides) were merged live.
    expect(merges.some((line) => new RegExp(`articles/${tides}/article\\.sync-conflict-\\d{8}-\\d{6}-[A-Z0-9]{7}\\.json: merged into article\\.json`).test(line))).toBe(true);
    expect(merges.some((line) => line.includes(`annotations/${noteOnBridges.id}.sync-conflict-`))).toBe(true);
    for (const machine of machines) await opened(machine).close();
    for (const machine of machines) machine.core = null;
    const found = await checkLibrary(laptop.libraryDir);
    // Syncthing keeps a change over a deletion: the new note came back in articles/<id>/annotations beside the trashed article.
    expect(found.problems).toEqual([expect.objectContaining({ where: `articles/${lichens}`, repair: expect.objectContaining({ kind: 'join-split-article' }) })]);
    await repairLibrary(laptop.libraryDir, found.problems, () => new Date().toISOString());
    const files = await converge(laptop, desktop);
    for (const machine of machines) {
      const report = await checkLibrary(machine.libraryDir);
      expect(report.problems).toEqual([]);
      expect(report.arriving).toEqual([]);
    }
    expect(Object.keys(files).filter((file) => file.startsWith(`articles/${lichens}`))).toEqual([]);

    // Every acknowledged write, on each side, read back by a fresh library.
    for (const machine of machines) {
      const { core } = await openTestLibrary(machine.root);
      try {
        const trashed = await core.listTrash();
        expect(trashed.map((a) => a.id)).toEqual([lichens]);
        await core.restoreArticle(lichens);
        const lichenNotes = (await core.listAnnotations(lichens)).map((a) => a.note || `bookmark ${a.color}`).sort();
        expect(lichenNotes).toEqual(['bookmark green', 'desktop note on lichens', 'written while the laptop deleted it'].sort());
        expect((await core.listAnnotations(lichens)).map((a) => a.id)).toEqual(expect.arrayContaining([bookmark.id, lateNote.id]));
        await core.deleteArticle(lichens);
      } finally {
        await core.close();
      }
    }
    console.log(`Syncthing sync test: ${((Date.now() - started) / 1000).toFixed(1)} s${LONG ? ` (long run, seed ${SEED})` : ''}`);
  }, LONG ? 1_800_000 : 300_000);
});

/** QUIRE_SYNC_LONG: rounds of random work on both sides, some while apart, each ending converged with every write present. */
async function randomRounds(a: Machine, b: Machine, converge: (a: Machine, b: Machine) => Promise<Record<string, string>>): Promise<void> {
  const random = seededRandom(SEED);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tagsWritten = new Map<string, Set<string>>();
  const notesWritten = new Map<string, Set<string>>();
  for (let round = 0; round < 20; round += 1) {
    const apart = random() < 0.5;
    if (apart) {
      await a.daemon.pause(b.daemon);
      await b.daemon.pause(a.daemon);
    }
    const work = [a, b].map(async (machine) => {
      const core = opened(machine);
      for (let step = 0; step < 6; step += 1) {
        const live = await core.listArticles();
        if (live.length === 0) break;
        const article = pick(live);
        const action = random();
        if (action < 0.35) {
          const tag = `${machine.name}-${round}-${step}`;
          await core.tagArticles([article.id], [tag]);
          tagsWritten.set(article.id, (tagsWritten.get(article.id) ?? new Set()).add(tag));
        } else if (action < 0.6) {
          await core.setProgress(article.id, { progress: random(), position: Math.floor(random() * 50) });
        } else if (action < 0.85) {
          const note = await core.createAnnotation({ articleId: article.id, kind: 'note', note: `${machine.name} round ${round}` });
          notesWritten.set(article.id, (notesWritten.get(article.id) ?? new Set()).add(note.id));
        } else {
          const notes = await core.listAnnotations(article.id);
          if (notes.length > 0) await core.updateAnnotation(article.id, pick(notes).id, { note: `${machine.name} edit ${round}` });
        }
      }
    });
    await Promise.all(work);
    if (apart) {
      await a.daemon.resume(b.daemon);
      await b.daemon.resume(a.daemon);
    }
    await converge(a, b);
  }
  // Tags are only ever added in these rounds: every one written is on both sides.
  for (const machine of [a, b]) {
    for (const [id, tags] of tagsWritten) {
      const meta = await machine.daemon.waitFor(() => opened(machine).getArticle(id), (m) => [...tags].every((t) => m.tags.includes(t)), `${machine.name} to show every tag of ${id}`);
      expect(meta.tags).toEqual(expect.arrayContaining([...tags]));
    }
    // Notes are never deleted in these rounds: every one written is on both sides.
    for (const [id, notes] of notesWritten) {
      const listed = await machine.daemon.waitFor(() => opened(machine).listAnnotations(id), (list) => [...notes].every((n) => list.some((a) => a.id === n)), `${machine.name} to show every note of ${id}`);
      expect(listed.map((a) => a.id)).toEqual(expect.arrayContaining([...notes]));
    }
  }
}
