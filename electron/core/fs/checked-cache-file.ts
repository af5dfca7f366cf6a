/**
 * The frame of Quire's cache files in a library's cache folder (the metadata cache, the
 * annotation-folder cache): a first line saying what the file is — its version, a fingerprint of
 * what its entries mean, and the CRC-32 of every byte after that line — then the entries as
 * compact JSON. A file that is not exactly as this Quire wrote it (cut short, edited, from another
 * version) is not used at all: a cache is only a shortcut, and the files it stands for are read
 * instead.
 *
 * Read at every start, so it is made cheap to read (the metadata of 10,000 articles is about 8 MB):
 * - the checksum is a CRC-32, not a cryptographic hash: it is there to catch a file cut short or
 *   changed by another program, and anyone who can write the file can also recompute any unkeyed
 *   hash, so SHA-256 bought nothing for its cost (about 8 times the CRC's on 8 MB);
 * - the entries are written as ASCII, every other character as its JSON `\uXXXX` escape: read as
 *   Latin-1, the text becomes a one-byte string without UTF-8 decoding, which took several times
 *   as long as the rest of the read when an excerpt held accented letters, and V8 parses a
 *   one-byte string faster and keeps its strings smaller.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Log } from '../log';
import { asciiJson } from '../../shared/ascii-json';
import { isNotFound, writeFileAtomic } from './atomic-write';

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
  crc32: number;
}

export type CacheEntries = Record<string, unknown>;

/** The entries of a file exactly as this Quire wrote it; null for anything else. */
export function checkedEntriesOf(file: Buffer, kind: CacheKind): CacheEntries | null {
  const lineEnd = file.indexOf(0x0a);
  if (lineEnd < 0) return null;
  try {
    const header: unknown = JSON.parse(file.subarray(0, lineEnd).toString('utf8'));
    if (typeof header !== 'object' || header === null) return null;
    const { version, schema, crc32: checksum } = header as Partial<CacheHeader>;
    if (version !== kind.version || schema !== kind.schema || typeof checksum !== 'number') return null;
    const body = file.subarray(lineEnd + 1);
    if (crc32(body) !== checksum) return null;
    // Written as ASCII (asciiJson), so each byte is one character.
    const entries: unknown = JSON.parse(body.toString('latin1'));
    return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as CacheEntries) : null;
  } catch {
    // not JSON (a write cut short, another program's file): the same as an unusable file
    return null;
  }
}

/**
 * The cache's entries as last written; empty when the file is missing or not usable (said in the
 * log). `bytes`: the file as already read (or being read), its failure taken as the read's.
 */
export async function readCheckedCache(file: string, kind: CacheKind, log: Log, bytes?: Promise<Buffer>): Promise<CacheEntries> {
  let content: Buffer;
  try {
    content = await (bytes ?? readFile(file));
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
    const body = Buffer.from(asciiJson(entries), 'latin1');
    const header: CacheHeader = { version: kind.version, schema: kind.schema, crc32: crc32(body) };
    await writeFileAtomic(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
  } catch (error) {
    log(`${kind.label} ${file} could not be written`, error);
  }
}
