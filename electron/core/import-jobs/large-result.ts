/**
 * A large page's result handed from the import host to Quire through a file instead of one IPC
 * message. A message of several megabytes (a 3.5 MB manual page: its original bytes, its reader
 * HTML and its text, about 8 MB) arrives on Quire's main thread in one piece: Node joins its chunks
 * into one new buffer, then deserializes it, and on this machine every fresh page of memory costs
 * ~11 µs to fault in, so that was an 88 ms stretch of the main thread's own work in a profile of
 * an import (the longest of the import; the app's window and every other request waited). From a
 * file, the bytes are read on libuv's thread pool (the faults are paid there); only the
 * deserializing is left to the main thread, and the original's bytes, written to a file of their
 * own, are not even deserialized: Quire stores them as read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ExtractResult } from './extract-protocol';

/** A result this large (serialized) goes through a file; smaller ones travel as a message. */
export const LARGE_RESULT_BYTES = 1024 * 1024;
/**
 * Only a result whose original file is at least this large is measured (serialized) first: a
 * page's result is a few times its original (the original, the reader HTML, the text), so a
 * smaller one cannot reach `LARGE_RESULT_BYTES`, and most files skip the extra serializing.
 */
const MEASURED_FROM_ORIGINAL_BYTES = 256 * 1024;

/** The host's side: where its large results are written (one folder per host, removed as it ends). */
export class LargeResultFolder {
  private dir: string | null = null;

  /**
   * The reply for `result`: the result itself, or the file it was written to when it is large.
   * Written with `wx`: the folder is the host's own, a name is never reused.
   */
  async reply(id: number, result: ExtractResult): Promise<{ type: 'done'; id: number; result: ExtractResult } | LargeResultReply> {
    if (!result.ok || result.original === undefined || result.original.bytes.length < MEASURED_FROM_ORIGINAL_BYTES) return { type: 'done', id, result };
    const { original, ...rest } = result;
    const bytes = serialize(rest);
    if (bytes.length + original.bytes.length < LARGE_RESULT_BYTES) return { type: 'done', id, result };
    this.dir ??= mkdtempSync(path.join(os.tmpdir(), 'quire-import-'));
    const file = path.join(this.dir, `result-${id}.bin`);
    const originalFile = path.join(this.dir, `original-${id}.bin`);
    await Promise.all([writeFile(file, bytes, { flag: 'wx' }), writeFile(originalFile, original.bytes, { flag: 'wx' })]);
    return { type: 'done-in-file', id, file, original: { fileName: original.fileName, file: originalFile } };
  }

  /** Removes the folder with whatever Quire did not take (the host is ending). */
  remove(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The reply for a large result: the result without its original, and the original apart. */
export interface LargeResultReply {
  type: 'done-in-file';
  id: number;
  file: string;
  original: { fileName: string; file: string };
}

/** Quire's side: the result the reply's files hold, which are removed once read. */
export async function takeLargeResult({ file, original }: Pick<LargeResultReply, 'file' | 'original'>): Promise<ExtractResult> {
  try {
    const [bytes, originalBytes] = await Promise.all([readFile(file), readFile(original.file)]);
    const result = deserialize(bytes) as ExtractResult;
    return result.ok ? { ...result, original: { fileName: original.fileName, bytes: originalBytes } } : result;
  } finally {
    await Promise.all([rm(file, { force: true }), rm(original.file, { force: true })]);
  }
}
