/**
 * Backups and whole-library archives of one open library, for the hosts (CLI commands, the
 * automatic schedule). Writing an archive and importing one both run under the library's change
 * queue, so an archive is a consistent picture and an import never races another change.
 * What writes and reads zip archives (yazl, yauzl) is loaded when an archive is made or read:
 * every command opens the library, few of them touch an archive.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AnnotationStore } from '../annotations/annotation-store';
import type { ArticleStore } from '../library/article-store';
import type { KeyValueStore } from '../settings/key-value-store';
import { BACKUPS_KEPT_KEY, backupsKept } from './backup-schedule';
import type { BackupInfo } from './backups';
import type { ArchiveImportReport } from './import-archive';
import { namesIn } from '../fs/names-in';

export interface LibraryArchivesParts {
  store: ArticleStore;
  annotations: AnnotationStore;
  settings: KeyValueStore;
  clock: () => string;
  refresh(articleId: string): void;
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export class LibraryArchives {
  constructor(private readonly parts: LibraryArchivesParts) {}

  /** Writes a backup now; `keep` (when given) becomes the setting for how many are kept. */
  async backupNow(keep?: number): Promise<{ backup: BackupInfo; removed: string[] }> {
    const { store, settings, clock, exclusive } = this.parts;
    if (keep !== undefined) settings.set(BACKUPS_KEPT_KEY, keep);
    const { createBackup } = await import('./backups');
    return exclusive(() =>
      createBackup({ root: store.root, articles: () => store.list(), articleDir: (id) => store.articleDir(id) }, clock(), backupsKept(settings)),
    );
  }

  async listBackups(): Promise<BackupInfo[]> {
    const { listBackups } = await import('./backups');
    return listBackups(this.parts.store.root);
  }

  /** Every article with all its files, as one zip archive at `file`. */
  async exportLibrary(file: string): Promise<{ articles: number; annotations: number }> {
    const { store, clock, exclusive } = this.parts;
    const target = path.resolve(file);
    await mkdir(path.dirname(target), { recursive: true });
    const [{ libraryEntries }, { writeZipAtomic }] = await Promise.all([import('./library-entries'), import('./zip-write')]);
    return exclusive(async () => {
      const { entries, manifest } = await libraryEntries(store.list(), (id) => store.articleDir(id), 'library', clock());
      await writeZipAtomic(target, entries);
      return { articles: manifest.articles.length, annotations: manifest.articles.reduce((sum, a) => sum + a.annotations, 0) };
    });
  }

  /** Merges an archive (backup or export) into the library; see import-archive.ts for the rules. */
  async importLibrary(file: string, { dryRun, preferArchive = false }: { dryRun: boolean; preferArchive?: boolean }): Promise<ArchiveImportReport> {
    const { store, annotations, refresh, clock, exclusive } = this.parts;
    // Loaded when an archive is imported: it reads HTML (parse5), which opening a library never needs.
    const [{ importArchive }, { LibraryArchive }] = await Promise.all([import('./import-archive'), import('./zip-read')]);
    const archive = await LibraryArchive.open(path.resolve(file));
    try {
      return await exclusive(async () => {
        const trashed = new Set(await namesIn(store.paths.trashDir));
        return importArchive(archive, { store, annotations, refresh, clock, inTrash: (id) => trashed.has(id) }, { dryRun, preferArchive });
      });
    } finally {
      archive.close();
    }
  }
}
