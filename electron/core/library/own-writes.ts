/**
 * The files and folders of the library this process wrote a moment ago. The library watcher sees
 * this process's own writes as well as everyone else's; for the files it cannot compare with
 * memory (annotations, the trash) it asks here whether the change was ours, so the app does not
 * reload what it just wrote. Kept per path, not per article: a note another process adds to an
 * article this process just tagged is still seen.
 */
import path from 'node:path';


/** Longer than the watcher's delay plus a slow disk's, short enough not to hide another process's change for long. */
const OWN_WRITE_WINDOW_MS = 2_000;

export class OwnWrites {
  /** path → when it was last written */
  private readonly lastWrite = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** This process is writing this file, or this folder and everything in it (a new, replaced or moved article). */
  mark(fileOrFolder: string): void {
    const now = this.now();
    this.lastWrite.set(fileOrFolder, now);
    // Forget old marks as new ones come, so the map stays as small as the last few seconds' writes.
    for (const [marked, at] of this.lastWrite) if (now - at > OWN_WRITE_WINDOW_MS) this.lastWrite.delete(marked);
  }

  /** Whether this process wrote the file (or a folder holding it) a moment ago. */
  covers(file: string): boolean {
    const now = this.now();
    for (const [marked, at] of this.lastWrite) {
      if (now - at <= OWN_WRITE_WINDOW_MS && (file === marked || file.startsWith(marked + path.sep))) return true;
    }
    return false;
  }
}
