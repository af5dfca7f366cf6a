/**
 * `.stignore` in the library folder: what Syncthing must not carry to other machines. Quire keeps
 * everything that belongs to one machine (the search index, settings, window state) outside the
 * library; what remains inside are the locks of the Quire running here and the temp files and
 * staging folders of writes in progress. Syncthing reads `.stignore` on each device and never
 * syncs it, so every machine gets its own, written when the library opens. A `.stignore` the user
 * wrote is kept: Quire's lines are added below theirs once.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from '../../fs/atomic-write';
import type { Log } from '../../log';
import { ARTICLE_LOCKS, LIBRARY_LOCK } from '../library-locks';
import { REPLACED_PREFIX, STAGING_PREFIX } from '../library-paths';

export const SYNCTHING_IGNORE_FILE = '.stignore';

const MARK = '// Quire: what belongs to this machine alone (written by Quire; keep these lines)';

/** Syncthing's pattern syntax: `(?d)` lets it delete these when the folder holding them is deleted elsewhere. */
export const SYNCTHING_IGNORES = [
  MARK,
  '// the locks of the Quire running on this machine',
  `(?d)/${LIBRARY_LOCK}`,
  `(?d)/${ARTICLE_LOCKS}`,
  '// imports, replacements and deletions in progress',
  `(?d)${STAGING_PREFIX}*`,
  `(?d)${REPLACED_PREFIX}*`,
  '// temp files of interrupted writes (<file>.<digits>)',
  '(?d)*.json.[0-9]*',
  '(?d)*.html.[0-9]*',
  '(?d)*.txt.[0-9]*',
  '',
].join('\n');

/**
 * True for a path (relative to the library, `/`-separated) that belongs to the Quire running on
 * this machine: the same things SYNCTHING_IGNORES leaves out, for code that copies a library.
 */
export function isMachineLocal(relativePath: string): boolean {
  const [top = ''] = relativePath.split('/');
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return (
    top === LIBRARY_LOCK ||
    top === ARTICLE_LOCKS ||
    name.startsWith(STAGING_PREFIX) ||
    name.startsWith(REPLACED_PREFIX) ||
    /\.(json|html|txt)\.[0-9]+$/.test(name)
  );
}

/** Writes or completes the library's `.stignore`; a failure is logged, never stops the library opening. */
export async function writeSyncIgnores(libraryDir: string, log: Log): Promise<void> {
  const file = path.join(libraryDir, SYNCTHING_IGNORE_FILE);
  try {
    let current: string;
    try {
      current = await readFile(file, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await writeFileAtomic(file, SYNCTHING_IGNORES);
      return;
    }
    if (current.includes(MARK)) return;
    await appendFile(file, `${current.endsWith('\n') || current === '' ? '' : '\n'}${SYNCTHING_IGNORES}`);
  } catch (error) {
    log(`${SYNCTHING_IGNORE_FILE} (what Syncthing leaves out) could not be written in the library folder`, error);
  }
}
