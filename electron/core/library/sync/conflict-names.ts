/**
 * The names folder synchronizers give the losing side of a file two machines changed at once.
 * Each keeps both versions: the winner under the file's own name, the other beside it under one
 * of these names. Quire merges the two and removes the copy (resolve-conflicts.ts).
 *
 * - Syncthing: `article.sync-conflict-20261203-101500-ABCDEFG.json` (date, time, the first seven
 *   characters of the device id that made the losing change; the extension is kept last; versions
 *   before 0.14 left the device out). The test with two real Syncthing daemons produces and merges
 *   these.
 * - Dropbox: `article (Ada's conflicted copy 2026-12-03).json`, a ` (1)` counter inside the
 *   parentheses when there are several that day.
 * - Nextcloud (and ownCloud): `article (conflicted copy 2026-12-03 101500).json`; older clients
 *   `article_conflict-20261203-101500.json`.
 * - OneDrive: `article-LAPTOP.json`, the computer's name appended; iCloud Drive `article 2.json`;
 *   Google Drive `article (1).json`. Marks this short are only recognised on the names Quire
 *   itself writes (article.json, content.html, text.txt, an annotation named by its UUID), where
 *   nothing else can carry them.
 */

export type Synchronizer = 'syncthing' | 'dropbox' | 'nextcloud' | 'onedrive' | 'icloud' | 'google-drive';

export interface ConflictCopy {
  /** the name of the file this is a copy of */
  original: string;
  synchronizer: Synchronizer;
}

const SYNCTHING = /^(.*)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(\.[^.]*)?$/;
const DROPBOX = /^(.*) \([^()]*'s conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)(\.[^.]*)?$/;
const NEXTCLOUD = /^(.*) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)(\.[^.]*)?$/;
const OLD_NEXTCLOUD = /^(.*)_conflict-\d{8}-\d{6}(\.[^.]*)?$/;
/** Quire's own file names, before their extension */
const QUIRE_STEM = '(article|content|text|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const QUIRE_EXT = '(\\.json|\\.html|\\.txt)';
const ONEDRIVE = new RegExp(`^${QUIRE_STEM}-[A-Za-z0-9][A-Za-z0-9_-]{0,62}${QUIRE_EXT}$`);
const ICLOUD = new RegExp(`^${QUIRE_STEM} \\d{1,4}${QUIRE_EXT}$`);
const GOOGLE_DRIVE = new RegExp(`^${QUIRE_STEM} \\(\\d{1,4}\\)${QUIRE_EXT}$`);
/** the files of an article folder OneDrive's mark is recognised on */
const QUIRE_NAMES = /^(?:article\.json|content\.html|text\.txt|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json)$/;

/** The file a conflict copy belongs to, or null for any other name. A copy of a copy names the first original. */
export function parseConflictName(name: string): ConflictCopy | null {
  const found = parseOnce(name);
  if (!found) return null;
  const deeper = parseConflictName(found.original);
  return deeper ? { ...deeper, synchronizer: found.synchronizer } : found;
}

function parseOnce(name: string): ConflictCopy | null {
  for (const [pattern, synchronizer] of [
    [SYNCTHING, 'syncthing'],
    [DROPBOX, 'dropbox'],
    [NEXTCLOUD, 'nextcloud'],
    [OLD_NEXTCLOUD, 'nextcloud'],
  ] as const) {
    const match = pattern.exec(name);
    if (match && match[1]) return { original: `${match[1]}${match[2] ?? ''}`, synchronizer };
  }
  for (const [pattern, synchronizer] of [
    [ONEDRIVE, 'onedrive'],
    [ICLOUD, 'icloud'],
    [GOOGLE_DRIVE, 'google-drive'],
  ] as const) {
    const match = pattern.exec(name);
    const original = match ? `${match[1]}${match[2]}` : null;
    if (original !== null && QUIRE_NAMES.test(original)) return { original, synchronizer };
  }
  return null;
}

export const isConflictCopy = (name: string): boolean => parseConflictName(name) !== null;
