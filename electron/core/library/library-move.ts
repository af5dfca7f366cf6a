/**
 * Moving the library to another folder, or switching to a library another machine made
 * (Preferences). A move copies, verifies every file byte for byte, and only then lets the app
 * switch; the old folder stays where it was until the person removes it. What belongs to this
 * machine alone (locks, writes in progress) is not copied.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, cp, lstat, mkdir, readdir, rm, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { QuireError } from '../../shared/result';
import { say, type CoreSentence } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { LIBRARY_LOCATION_FILE } from '../app-paths';
import { isNotFound, writeJsonAtomic } from '../fs/atomic-write';
import { LIBRARY_MANIFEST } from './library-paths';
import { isMachineLocal } from './sync/sync-ignores';

const refuse = (sentence: CoreSentence): never => {
  throw sentenceError('invalid-argument', sentence);
};

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** A folder the library can be moved into: a new or empty folder, outside the library. */
export async function checkMoveTarget(current: string, target: string): Promise<void> {
  if (!path.isAbsolute(target)) refuse(say('core.library.fullPath'));
  if (isInside(target, current)) refuse(say('core.library.targetInside'));
  if (isInside(current, target)) refuse(say('core.library.libraryInside'));
  const info = await stat(target).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (info === null) return;
  if (!info.isDirectory()) refuse(say('core.library.notFolder'));
  const entries = (await entriesOf(target)) ?? [];
  if (entries.includes(LIBRARY_MANIFEST)) refuse(say('core.library.alreadyLibrary'));
  if (entries.some((name) => !name.startsWith('.'))) refuse(say('core.library.notEmpty'));
}

/** A folder Quire can switch to: one that holds a Quire library (`quire-library.json`). */
export async function checkOpenTarget(current: string, target: string): Promise<void> {
  if (!path.isAbsolute(target)) refuse(say('core.library.fullPath'));
  if (path.resolve(target) === path.resolve(current)) refuse(say('core.library.alreadyOpen'));
  const entries = await entriesOf(target);
  if (entries === null) refuse(say('core.library.folderMissing'));
  if (!entries!.includes(LIBRARY_MANIFEST)) refuse(say('core.library.notLibrary', { manifest: LIBRARY_MANIFEST }));
}

/** Every regular file of the library that is not machine-local, as `/`-separated relative paths. */
async function libraryFiles(root: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (isMachineLocal(relative)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, relative);
      else if (entry.isFile()) files.set(relative, (await lstat(full)).size);
    }
  };
  await walk(root, '');
  return files;
}

const sha256 = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

/**
 * The files of the copy that belong to it: a hidden top-level folder or file the library does not
 * have (a synced folder's own, such as Syncthing's `.stfolder`) was there before and stays.
 */
async function copyFiles(to: string, source: Map<string, number>): Promise<Map<string, number>> {
  const libraryTops = new Set([...source.keys()].map((file) => file.split('/')[0]));
  const files = await libraryFiles(to);
  for (const file of files.keys()) {
    const top = file.split('/')[0] ?? '';
    if (top.startsWith('.') && !libraryTops.has(top)) files.delete(file);
  }
  return files;
}

/** The first difference between the library and its copy, in words, or null when they match. */
export async function differenceBetween(from: string, to: string): Promise<string | null> {
  const source = await libraryFiles(from);
  const copy = await copyFiles(to, source);
  for (const [file, size] of source) {
    if (!copy.has(file)) return `${file} is missing from the copy`;
    if (copy.get(file) !== size) return `${file} has another size in the copy`;
    if ((await sha256(path.join(from, ...file.split('/')))) !== (await sha256(path.join(to, ...file.split('/'))))) {
      return `${file} differs in the copy`;
    }
  }
  for (const file of copy.keys()) if (!source.has(file)) return `${file} is in the copy only`;
  return null;
}

const toPath = (root: string, relative: string): string => path.join(root, ...relative.split('/'));

/**
 * The first pass, while the library stays open: copies it into `to` and verifies the copy. On any
 * failure what was copied is removed (the folder too, if this made it) and the sentence says why.
 */
export async function copyLibrary(from: string, to: string): Promise<void> {
  const existed = (await entriesOf(to)) !== null;
  try {
    await cp(from, to, {
      recursive: true,
      // Never overwrite: what the folder held before (a synced folder's own hidden files) stays,
      // and a file of the same name as the library's fails the check below.
      force: false,
      preserveTimestamps: true,
      filter: async (source) => {
        const relative = path.relative(from, source).split(path.sep).join('/');
        if (relative === '') return true;
        if (isMachineLocal(relative)) return false;
        const info = await lstat(source);
        return info.isDirectory() || info.isFile();
      },
    });
    const difference = await differenceBetween(from, to);
    if (difference) throw new Error(`The copy does not match the library: ${difference}.`);
  } catch (error) {
    await removeCopy(to, existed);
    throw copyFailure(error);
  }
}

/**
 * The second pass, once the library is closed: brings the copy up to date with what changed
 * during the first (files written, added or removed meanwhile), then verifies it again.
 */
export async function finishLibraryCopy(from: string, to: string): Promise<void> {
  const source = await libraryFiles(from);
  const copy = await copyFiles(to, source);
  for (const [file, size] of source) {
    const target = toPath(to, file);
    const sourceInfo = await stat(toPath(from, file));
    const copied = copy.has(file) ? await stat(target) : null;
    if (copied && copy.get(file) === size && copied.mtimeMs === sourceInfo.mtimeMs) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(toPath(from, file), target);
    await utimes(target, sourceInfo.atime, sourceInfo.mtime);
  }
  for (const file of copy.keys()) if (!source.has(file)) await unlink(toPath(to, file));
  const difference = await differenceBetween(from, to);
  if (difference) throw new Error(`The copy does not match the library: ${difference}.`);
}

async function removeCopy(to: string, existed: boolean): Promise<void> {
  if (!existed) {
    await rm(to, { recursive: true, force: true });
    return;
  }
  // The folder was empty but for hidden files before: remove only what the copy added.
  for (const name of (await entriesOf(to)) ?? []) {
    if (!name.startsWith('.')) await rm(path.join(to, name), { recursive: true, force: true });
  }
}

function copyFailure(error: unknown): QuireError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return sentenceError('io', say('core.library.noSpace'));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return sentenceError('io', say('core.library.notWritable'));
  return sentenceError('io', say('core.library.copyFailed', { detail: error instanceof Error ? error.message : String(error) }));
}

/** Records where this machine's library now lives (read back by `resolveLibraryDir`). */
export async function rememberLibraryDir(userData: string, libraryDir: string): Promise<void> {
  await mkdir(userData, { recursive: true });
  await writeJsonAtomic(path.join(userData, LIBRARY_LOCATION_FILE), { libraryDir });
}
