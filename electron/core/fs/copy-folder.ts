/** Copies a folder's entries (recursively) into another, leaving out the top-level names `skip` picks. */
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isAtomicWriteLeftover } from './leftovers';

export async function copyFolder(from: string, to: string, skip: (name: string) => boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (skip(name)) continue;
    // Temp files of an interrupted write are never copied: they would be a leftover twice.
    await cp(path.join(from, name), path.join(to, name), {
      recursive: true,
      errorOnExist: true,
      force: false,
      filter: (source) => !isAtomicWriteLeftover(path.basename(source)),
    });
  }
}
