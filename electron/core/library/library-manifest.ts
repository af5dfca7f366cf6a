/**
 * `quire-library.json` that no longer parses (truncated by a crash of another program, a bad sync)
 * must not lock the user out of a library whose articles are all intact: the broken file is kept
 * beside itself as `quire-library.json.broken-<time>` and a fresh one is written. The articles
 * are there, so this is not a new library (no sample articles are added).
 */
import { rename } from 'node:fs/promises';
import { writeJsonAtomic } from '../fs/atomic-write';
import { fileStamp } from '../fs/file-stamp';
import { LIBRARY_FORMAT_VERSION, type LibraryManifest } from './file-schemas';

/** Returns where the broken file was kept. */
export async function replaceBrokenManifest(file: string, now: string): Promise<string> {
  const brokenCopy = `${file}.broken-${fileStamp(now)}`;
  await rename(file, brokenCopy);
  const fresh: LibraryManifest = { formatVersion: LIBRARY_FORMAT_VERSION, createdAt: now };
  await writeJsonAtomic(file, fresh);
  return brokenCopy;
}
