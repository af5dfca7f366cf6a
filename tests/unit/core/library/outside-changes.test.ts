/**
 * The app (a core with maintenance) sees what another process did to its library without a
 * restart: the other process's tags, imports and deletions reach its list and its search, and a
 * `library-changed` event tells the page to reload. Its own writes raise no such event.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuireCore } from '../../../../electron/core/open-quire';
import { connectForwardedWrites } from '../../../../electron/core/library/write-forwarding';
import type { LibraryChangedEvent } from '../../../../electron/shared/contract';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-outside-');

/** Generous: the watcher reports within a second; a loaded test machine may take longer. */
const WAIT_MS = 15_000;

/** Collects every library-changed event; `next(match)` waits for one that names what the test expects. */
function changesOf(core: QuireCore) {
  const seen: LibraryChangedEvent[] = [];
  const waiters: { match: (e: LibraryChangedEvent) => boolean; resolve: (e: LibraryChangedEvent) => void }[] = [];
  core.events.on('library-changed', (event) => {
    seen.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  const next = (match: (e: LibraryChangedEvent) => boolean): Promise<LibraryChangedEvent> =>
    new Promise((resolve, reject) => {
      const earlier = seen.find(match);
      if (earlier) return resolve(earlier);
      const timer = setTimeout(() => reject(new Error(`no library-changed event after ${WAIT_MS} ms; seen: ${JSON.stringify(seen)}`)), WAIT_MS);
      waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  return { seen, next, naming: (id: string) => next((e) => e.articleIds.includes(id)) };
}

async function appAndTerminal() {
  const root = tempDir();
  const docs = path.join(root, 'docs');
  mkdirSync(docs);
  const write = (name: string, title: string): string => {
    const file = path.join(docs, name);
    writeFileSync(file, `${title}\n\nA paragraph about ${title.toLowerCase()}, long enough to be an article.\n\nThe end.`);
    return file;
  };
  const app = await openTestLibrary(root, { maintenance: true });
  const [first] = await app.core.importPaths([write('first.txt', 'First article')]);
  if (first?.status !== 'imported') throw new Error('first article not imported');
  await app.core.whenWatching();
  const terminal = await openTestLibrary(root);
  const close = async () => {
    await terminal.core.close();
    await app.core.close();
  };
  return { app: app.core, terminal: terminal.core, libraryDir: app.libraryDir, id: first.article.id, write, close };
}

const listed = (core: QuireCore): Promise<ArticleMeta[]> => Promise.resolve(core.listArticles());

describe('changes made by another process', () => {
  it('a tag written into article.json by hand reaches the list and raises one event', async () => {
    const { app, libraryDir, id, close } = await appAndTerminal();
    const changes = changesOf(app);
    try {
      const file = path.join(libraryDir, 'articles', id, 'article.json');
      const meta = JSON.parse(readFileSync(file, 'utf8')) as ArticleMeta;
      writeFileSync(file, JSON.stringify({ ...meta, tags: ['from-elsewhere'], title: 'Renamed elsewhere' }, null, 2));
      expect((await changes.naming(id)).articleIds).toEqual([id]);
      const [shown] = await listed(app);
      expect(shown).toMatchObject({ id, tags: ['from-elsewhere'], title: 'Renamed elsewhere' });
    } finally {
      await close();
    }
  });

  it('an import and a delete by a second core show in the app, in its search too', async () => {
    const { app, terminal, id, write, close } = await appAndTerminal();
    const changes = changesOf(app);
    try {
      const [added] = await terminal.importPaths([write('second.txt', 'Pelican migration notes')]);
      if (added?.status !== 'imported') throw new Error('second article not imported');
      await changes.naming(added.article.id);
      expect((await listed(app)).map((a) => a.id)).toContain(added.article.id);
      await app.whenIndexed();
      const { hits } = await app.search('pelican');
      expect(new Set(hits.map((hit) => hit.articleId))).toEqual(new Set([added.article.id]));

      await terminal.deleteArticle(id);
      await changes.naming(id);
      expect((await listed(app)).map((a) => a.id)).toEqual([added.article.id]);
    } finally {
      await close();
    }
  });

  it('a bookmark file added by another process is announced for its article', async () => {
    const { app, terminal, id, close } = await appAndTerminal();
    const changes = changesOf(app);
    try {
      await terminal.createAnnotation({ articleId: id, kind: 'note', note: 'Written elsewhere' });
      await changes.naming(id);
      expect((await app.listAnnotations(id)).map((n) => n.note)).toEqual(['Written elsewhere']);
    } finally {
      await close();
    }
  });

  it('a folder without article.json yet waits, and is listed once article.json arrives', async () => {
    const { app, libraryDir, id, close } = await appAndTerminal();
    const changes = changesOf(app);
    try {
      const meta = JSON.parse(readFileSync(path.join(libraryDir, 'articles', id, 'article.json'), 'utf8')) as ArticleMeta;
      const copyId = `${id.slice(0, -4)}beef`;
      const copy = path.join(libraryDir, 'articles', copyId);
      mkdirSync(path.join(copy, 'annotations'), { recursive: true });
      writeFileSync(path.join(copy, 'content.html'), '<p>Half there</p>');
      writeFileSync(path.join(copy, 'text.txt'), 'Half there');
      // A moment later, as a sync tool would, the file that makes the folder an article.
      writeFileSync(path.join(copy, 'article.json'), JSON.stringify({ ...meta, id: copyId, contentHash: 'f'.repeat(64), title: 'Synced copy' }));
      await changes.naming(copyId);
      expect((await listed(app)).find((a) => a.id === copyId)?.title).toBe('Synced copy');
    } finally {
      await close();
    }
  });

  it('a tag the command line sent through the app is announced, though the app wrote it itself', async () => {
    const { app, libraryDir, id, close } = await appAndTerminal();
    const changes = changesOf(app);
    const forwarded = await connectForwardedWrites(libraryDir);
    if (!forwarded) throw new Error('the app does not take the command line’s writes');
    try {
      const tagged = await forwarded.api.tagArticles([id], ['from-terminal']);
      expect(tagged.ok).toBe(true);
      await changes.naming(id);
      expect((await listed(app))[0]?.tags).toEqual(['from-terminal']);
    } finally {
      forwarded.close();
      await close();
    }
  });

  it('its own writes raise no event', async () => {
    const { app, terminal, id, write, close } = await appAndTerminal();
    const changes = changesOf(app);
    try {
      await app.tagArticles([id], ['mine']);
      await app.setProgress(id, { progress: 0.5, position: 10 });
      await app.createAnnotation({ articleId: id, kind: 'note', note: 'Mine' });
      const [own] = await app.importPaths([write('own.txt', 'Own import')]);
      if (own?.status !== 'imported') throw new Error('own article not imported');
      await app.deleteArticle(own.article.id);
      // Then one change from elsewhere: once its event is here, the own writes' (older) would have been too.
      const [other] = await terminal.importPaths([write('other.txt', 'Other import')]);
      if (other?.status !== 'imported') throw new Error('other article not imported');
      await changes.naming(other.article.id);
      expect(changes.seen.flatMap((e) => e.articleIds)).toEqual([other.article.id]);
    } finally {
      await close();
    }
  });
});

