/**
 * Writes a zip archive atomically, like every other file Quire writes: streamed into a temp file
 * beside the target (named as write-file-atomic names its temp files, so `quire check` knows a
 * leftover one), fsynced, then renamed over the target. Files are streamed from disk, so a large
 * library is never held in memory. yazl loads with the first archive, not with the backup schedule
 * every host starts.
 */
import { randomInt } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type ZipSource = { name: string; file: string } | { name: string; bytes: Buffer };

export async function writeZipAtomic(target: string, entries: readonly ZipSource[]): Promise<void> {
  const temp = `${target}.${randomInt(2 ** 31)}`;
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    // JSON and text compress well; pictures and originals are mostly compressed already.
    if ('bytes' in entry) zip.addBuffer(entry.bytes, entry.name);
    else zip.addFile(entry.file, entry.name);
  }
  // yazl reports a file it cannot read (gone since the list was made: another process moved the
  // article to the trash) on the ZipFile, not on its output: unheard, that error was thrown out of
  // the event loop and the output never ended, so the backup hung holding the library's change queue.
  // (The output is a PassThrough; yazl's types name only its reading side.)
  // Every missing file is reported, each once: all are heard (destroying twice changes nothing).
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temp));
    // The stream is closed by now; reopen to fsync, so the rename never exposes unwritten data.
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, target);
}
