/**
 * Replacing a whole article folder with a complete new one, by renames only: the live folder is
 * moved aside (`articles/.replaced-<id>`), the staged one takes its place, then the old one is
 * deleted. Two renames are not one atomic step, so a crash between them leaves the article aside:
 * `recoverSwaps` (at open) puts it back, or drops it once the new folder is in place.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound } from '../fs/atomic-write';
import { isValidId, REPLACED_PREFIX } from './library-paths';

export async function swapFolder(staged: string, live: string, aside: string): Promise<void> {
  await rm(aside, { recursive: true, force: true }); // a swap that finished but could not tidy up
  await rename(live, aside);
  try {
    await rename(staged, live);
  } catch (error) {
    await rename(aside, live);
    throw error;
  }
  // The new folder is in place: failing to delete the old one must not fail the change.
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

const exists = (dir: string): Promise<boolean> =>
  stat(dir).then(
    () => true,
    (error: unknown) => {
      if (isNotFound(error)) return false;
      throw error;
    },
  );

/**
 * Finishes or undoes swaps a crash interrupted; returns the ids put back as they were. `names`:
 * the folder's listing when the caller has just made it (a library of 10,000 articles is listed
 * once at open, not once per step).
 */
export async function recoverSwaps(articlesDir: string, names?: readonly string[]): Promise<string[]> {
  const restored: string[] = [];
  for (const name of names ?? (await readdir(articlesDir))) {
    if (!name.startsWith(REPLACED_PREFIX)) continue;
    const id = name.slice(REPLACED_PREFIX.length);
    if (!isValidId(id)) continue;
    const aside = path.join(articlesDir, name);
    const live = path.join(articlesDir, id);
    if (await exists(live)) {
      await rm(aside, { recursive: true, force: true });
    } else {
      // The staged copy (a `.tmp-` folder) is dropped with the other staging leftovers.
      await rename(aside, live);
      restored.push(id);
    }
  }
  return restored;
}
