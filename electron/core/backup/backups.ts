/**
 * Rotating backups of what a person wrote: `backups/quire-backup-<time>.zip` in the library (a
 * folder the user sees, and that a sync tool carries along), each with a manifest; the newest
 * `keep` are kept. Names sort by time, so the list needs no index file.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleMeta } from '../../shared/models';
import { FILE_STAMP, fileStamp, isoOfStamp } from '../fs/file-stamp';
import { namesIn } from '../fs/names-in';
import { libraryEntries } from './library-entries';
import { writeZipAtomic } from './zip-write';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_BACKUPS_KEPT = 7;
const BACKUP_NAME = new RegExp(`^quire-backup-(${FILE_STAMP.source})\\.zip$`);

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

export interface BackupSource {
  root: string;
  articles: () => readonly ArticleMeta[];
  articleDir: (id: string) => string;
}


/** Writes a backup now and removes the oldest beyond `keep`; returns the new one and the removed ones. */
export async function createBackup(source: BackupSource, now: string, keep: number): Promise<{ backup: BackupInfo; removed: string[] }> {
  const dir = path.join(source.root, BACKUPS_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `quire-backup-${fileStamp(now)}.zip`);
  const { entries } = await libraryEntries(source.articles(), source.articleDir, 'backup', now);
  await writeZipAtomic(file, entries);
  const removed = await pruneBackups(source.root, keep);
  const { size } = await stat(file);
  return { backup: { file, createdAt: new Date(now).toISOString(), bytes: size }, removed };
}

/** Newest first. */
export async function listBackups(root: string): Promise<BackupInfo[]> {
  const dir = path.join(root, BACKUPS_DIR);
  const found: BackupInfo[] = [];
  for (const name of await namesIn(dir)) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    const size = await stat(file).then((s) => s.size, () => null);
    if (size !== null) found.push({ file, createdAt: isoOfStamp(match[1]!), bytes: size });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function pruneBackups(root: string, keep: number): Promise<string[]> {
  const old = (await listBackups(root)).slice(Math.max(1, keep));
  for (const backup of old) await rm(backup.file, { force: true });
  return old.map((b) => b.file);
}
