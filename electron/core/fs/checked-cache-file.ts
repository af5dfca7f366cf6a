/**
 * The frame of Quire's cache files in a library's cache folder (the metadata cache, the
 * annotation-folder cache): a first line saying what the file is — its version, a fingerprint of
 * what its entries mean, and the SHA-256 of every byte after that line — then the entries as
 * compact JSON. A file that is not exactly as this Quire wrote it (cut short, edited, from another
 * version) is not used at all: a cache is only a shortcut, and the files it stands for are read
 * instead.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log';
import { isNotFound, writeFileAtomic } from './atomic-write';
import { sha256Hex } from './sha256';

/** What a cache file must say of itself to be used. */
export interface CacheKind {
  /** raised whenever the frame or what an entry holds changes meaning */
  version: number;
  /** a fingerprint of the entries' shape (e.g. a schema's hash); another one means another Quire wrote it */
  schema: string;
  /** how the file is named in a log line: "The library's metadata cache" */
  label: string;
}

interface CacheHeader {
  version: number;
  schema: string;
  sha256: string;
}

export type CacheEntries = Record<string, unknown>;

/** The entries of a file exactly as this Quire wrote it; null for anything else. */
export function checkedEntriesOf(file: Buffer, kind: CacheKind): CacheEntries | null {
  const lineEnd = file.indexOf(0x0a);
  if (lineEnd < 0) return null;
  try {
    const header: unknown = JSON.parse(file.subarray(0, lineEnd).toString('utf8'));
    if (typeof header !== 'object' || header === null) return null;
    const { version, schema, sha256 } = header as Partial<CacheHeader>;
    if (version !== kind.version || schema !== kind.schema || typeof sha256 !== 'string') return null;
    const body = file.subarray(lineEnd + 1);
    if (sha256Hex(body) !== sha256) return null;
    const entries: unknown = JSON.parse(body.toString('utf8'));
    return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as CacheEntries) : null;
  } catch {
    // not JSON (a write cut short, another program's file): the same as an unusable file
    return null;
  }
}

/** The cache's entries as last written; empty when the file is missing or not usable (said in the log). */
export async function readCheckedCache(file: string, kind: CacheKind, log: Log): Promise<CacheEntries> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    if (!isNotFound(error)) log(`${kind.label} ${file} could not be read; the files it stands for are read instead`, error);
    return {};
  }
  const entries = checkedEntriesOf(content, kind);
  if (entries) return entries;
  log(`${kind.label} ${file} is not usable (cut short, changed, or from another version); it is made again`);
  return {};
}

/** Writes the entries atomically under their header; a failure is logged (the next open reads the files again). */
export async function writeCheckedCache(file: string, kind: CacheKind, entries: CacheEntries, log: Log): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const body = Buffer.from(JSON.stringify(entries), 'utf8');
    const header: CacheHeader = { version: kind.version, schema: kind.schema, sha256: sha256Hex(body) };
    await writeFileAtomic(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
  } catch (error) {
    log(`${kind.label} ${file} could not be written`, error);
  }
}
