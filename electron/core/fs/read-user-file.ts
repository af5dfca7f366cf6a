/**
 * Reading a file the user named (an import, a replacement text, an annotation export, a library
 * archive). Only regular files are read: a device (`/dev/zero` never ends), a named pipe (its
 * `open` blocks until a writer comes, and each read drains it) or a socket is refused with one
 * sentence before it is opened, also when a symbolic link points at it.
 *
 * The check and the read cannot be split by a swap: the file is opened with O_NONBLOCK (so even a
 * pipe put in its place meanwhile cannot block the open), the open handle is checked again with
 * fstat and must be the same file the path named, and every byte comes from that handle. Callers
 * keep the bytes they got (an import stores its original from them), so a file is read once.
 */
import { closeSync, constants, fstatSync, open as openCallback, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

/** A bare descriptor (a FileHandle would close it when collected, under the reader's feet). */
const openFd = promisify(openCallback);

/** Not on Windows, which has no named pipes or devices in the file system to guard against. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What the path is when it is not a regular file (the refusal says it in words); null for a regular file. */
export function specialFileKind(info: Stats): 'folder' | 'fifo' | 'socket' | 'device' | 'other' | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'other';
}

export const notRegularFile = (kind: string): QuireError => sentenceError('invalid-argument', say('core.import.notRegularFile', { kind }));

export interface UserFileLimits {
  maxBytes: number;
  /** the error for a file above `maxBytes` */
  tooLarge(): Error;
}

/** Throws unless `info` is a regular file, and the same one as `expected` when given. */
function requireRegular(info: Stats, expected?: Stats): void {
  const kind = specialFileKind(info);
  if (kind !== null) throw notRegularFile(kind);
  if (expected && (expected.ino !== info.ino || expected.dev !== info.dev)) {
    throw sentenceError('io', say('core.import.fileReplaced'));
  }
}

/** The path's target, refused before any open unless it is a regular file of at most `maxBytes`. */
export async function statUserFile(filePath: string, limits: UserFileLimits): Promise<Stats> {
  const info = await stat(filePath);
  requireRegular(info);
  if (info.size > limits.maxBytes) throw limits.tooLarge();
  return info;
}

/** The bytes of a regular file, read once from one checked handle. */
export async function readUserFile(filePath: string, limits: UserFileLimits): Promise<Uint8Array> {
  const named = await statUserFile(filePath, limits);
  const handle = await open(filePath, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    requireRegular(info, named);
    if (info.size > limits.maxBytes) throw limits.tooLarge();
    // The size the handle reports is what is read: a file that grows meanwhile cannot push past it.
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** The same, synchronously (the HTML importer reads a page's images while it walks the page). */
export function readUserFileSync(filePath: string, limits: UserFileLimits): Uint8Array {
  const named = statSync(filePath);
  requireRegular(named);
  if (named.size > limits.maxBytes) throw limits.tooLarge();
  const fd = openSync(filePath, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    requireRegular(info, named);
    if (info.size > limits.maxBytes) throw limits.tooLarge();
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file opened for a reader that wants a descriptor (the zip reader), checked as above;
 * the caller owns the descriptor and closes it.
 */
export async function openUserFile(filePath: string, limits: UserFileLimits): Promise<number> {
  const named = await statUserFile(filePath, limits);
  const fd = await openFd(filePath, OPEN_FLAGS);
  try {
    requireRegular(fstatSync(fd), named);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}
