/**
 * Unreadable things are never deleted: they move to `quarantine/<time>-<name>/` inside the library,
 * beside a README.txt that says what it was, why it was moved and how to put it back. The README is
 * written first, so a crash in between leaves an explanation and the item still in place.
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { fileStamp } from '../../fs/file-stamp';

export const QUARANTINE_DIR = 'quarantine';

/** Moves `source` (file or folder) into the quarantine; returns the new folder, relative to `root`. */
export async function quarantine(root: string, source: string, reason: string, now: string): Promise<string> {
  const relative = path.relative(root, source).split(path.sep).join('/');
  const folderName = `${fileStamp(now)}-${relative.replace(/[/\\]/g, '_')}`;
  const folder = path.join(root, QUARANTINE_DIR, folderName);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(path.join(folder, 'README.txt'), readme(relative, reason, now));
  await rename(source, path.join(folder, path.basename(source)));
  return `${QUARANTINE_DIR}/${folderName}`;
}

const readme = (relative: string, reason: string, now: string): string =>
  [
    `Quire moved ${relative} here on ${now} because ${reason}.`,
    '',
    'Nothing in it was changed or deleted. Quire does not read this folder.',
    `To try again, repair the file by hand and move it back to ${relative} in the library,`,
    'then run `quire check`. An article can also be imported again from its original.* file.',
    '',
  ].join('\n');
