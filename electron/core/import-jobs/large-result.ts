/**
 * A large page's result handed from the import host to Quire through files instead of one IPC
 * message. A message of several megabytes (a 3.5 MB manual page: its original bytes, its reader
 * HTML and its text, about 8 MB) arrives on Quire's main thread in one piece: Node joins its chunks
 * into one new buffer, then deserializes it, and on this machine every fresh page of memory costs
 * ~11 µs to fault in, so that was an 88 ms stretch of the main thread's own work in a profile of
 * an import (the longest of the import; the app's window and every other request waited).
 *
 * So the bulk of a large result never becomes a JavaScript value on Quire's main thread: the host
 * writes the original's bytes to one file, and the reader HTML, the text (both as UTF-8) and the
 * images one after another to another; a third holds the rest, serialized, with the sizes. Quire
 * reads the files on libuv's thread pool (the faults are paid there), deserializes only that small
 * rest, and hands the library views of the bytes, which it writes as they are
 * (library/content-files.ts). Deserialized or decoded on the main thread, the Node.js reference's
 * one-page API (`all.html`, 8.4 MB: 6.1 million characters of reader HTML and 2.9 million of
 * text, beyond Latin-1 so two bytes each) was one 80 ms stretch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ImportedAsset } from '../importers/imported-document';
import type { ExtractedArticle } from '../library/import-into-library';
import type { ExtractResult } from './extract-protocol';

/** A result this large (its parts together) goes through files; smaller ones travel as a message. */
export const LARGE_RESULT_BYTES = 1024 * 1024;
/**
 * Only a result whose original file is at least this large is measured first: a page's result is
 * a few times its original (the original, the reader HTML, the text), so a smaller one cannot
 * reach `LARGE_RESULT_BYTES`, and most files skip the extra encoding.
 */
const MEASURED_FROM_ORIGINAL_BYTES = 256 * 1024;

/** What the serialized file holds: the article without its HTML, text and images' bytes, and their sizes in the bytes file. */
interface ArticleHead {
  article: Omit<ExtractedArticle, 'document'> & { document: Omit<ExtractedArticle['document'], 'html' | 'text' | 'assets'> };
  assetPaths: string[];
  /** bytes of the HTML, the text, then each image, in the bytes file in that order */
  sizes: number[];
  /** the text's length in UTF-16 code units */
  textLength: number;
}

const utf8 = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);

/** The host's side: where its large results are written (one folder per host, removed as it ends). */
export class LargeResultFolder {
  private dir: string | null = null;

  /**
   * The reply for `result`: the result itself, or the files it was written to when it is large.
   * Written with `wx`: the folder is the host's own, a name is never reused.
   */
  async reply(id: number, result: ExtractResult): Promise<{ type: 'done'; id: number; result: ExtractResult } | LargeResultReply> {
    if (!result.ok || result.original === undefined || result.original.bytes.length < MEASURED_FROM_ORIGINAL_BYTES) return { type: 'done', id, result };
    const { original, article } = result;
    const { html, text, assets, ...document } = article.document;
    const parts = [utf8(html), utf8(text), ...assets.map((asset) => asset.bytes)];
    const head: ArticleHead = {
      article: { ...article, document },
      assetPaths: assets.map((asset) => asset.path),
      sizes: parts.map((part) => part.byteLength),
      textLength: 'textLength' in article.document ? article.document.textLength : article.document.text.length,
    };
    const headBytes = serialize(head);
    if (headBytes.length + original.bytes.length + head.sizes.reduce((sum, size) => sum + size, 0) < LARGE_RESULT_BYTES) return { type: 'done', id, result };
    this.dir ??= mkdtempSync(path.join(os.tmpdir(), 'quire-import-'));
    const file = path.join(this.dir, `result-${id}.bin`);
    const bytesFile = path.join(this.dir, `bytes-${id}.bin`);
    const originalFile = path.join(this.dir, `original-${id}.bin`);
    await Promise.all([
      writeFile(file, headBytes, { flag: 'wx' }),
      writeFile(bytesFile, parts, { flag: 'wx' }),
      writeFile(originalFile, original.bytes, { flag: 'wx' }),
    ]);
    return { type: 'done-in-file', id, file, bytesFile, original: { fileName: original.fileName, file: originalFile } };
  }

  /** Removes the folder with whatever Quire did not take (the host is ending). */
  remove(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The reply for a large result: where its parts are. */
export interface LargeResultReply {
  type: 'done-in-file';
  id: number;
  /** the serialized rest of the article (`ArticleHead`) */
  file: string;
  /** the HTML, the text and the images, one after another */
  bytesFile: string;
  original: { fileName: string; file: string };
}

/** Quire's side: the result the reply's files hold, which are removed once read. */
export async function takeLargeResult({ file, bytesFile, original }: Pick<LargeResultReply, 'file' | 'bytesFile' | 'original'>): Promise<ExtractResult> {
  try {
    const [headBytes, bytes, originalBytes] = await Promise.all([readFile(file), readFile(bytesFile), readFile(original.file)]);
    const { article, assetPaths, sizes, textLength } = deserialize(headBytes) as ArticleHead;
    if (sizes.length !== assetPaths.length + 2 || sizes.reduce((sum, size) => sum + size, 0) !== bytes.length) {
      throw new Error(`the import host's result in ${bytesFile} is ${bytes.length} bytes, not the ${sizes.join(' + ')} it says`);
    }
    // Views of the one buffer read (no copy): the store writes each part as it is.
    let at = 0;
    const [html, text, ...images] = sizes.map((size) => bytes.subarray(at, (at += size)));
    const assets = assetPaths.map((assetPath, i): ImportedAsset => ({ path: assetPath, bytes: images[i]! }));
    const document = { ...article.document, html: html!, text: text!, textLength, assets };
    return { ok: true, article: { ...article, document }, original: { fileName: original.fileName, bytes: originalBytes } };
  } finally {
    await Promise.all([rm(file, { force: true }), rm(bytesFile, { force: true }), rm(original.file, { force: true })]);
  }
}
