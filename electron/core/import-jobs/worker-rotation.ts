/**
 * When the import host replaces its workers with fresh ones (import-host.ts). A fresh worker is the
 * only way to hand all of a worker's memory back to the system: V8 and the allocator keep much of
 * what a worker once used, so its resident memory creeps up over thousands of pages while its live
 * heap does not. (A large file is read on a worker of its own, which ends with it.)
 */

/** What the rotation needs of the pool (Tinypool's `recycleWorkers`). */
export interface RecyclablePool {
  /** ends idle workers at once and busy ones after their file; new ones start as files come */
  recycleWorkers(): Promise<void>;
}

export class WorkerRotation {
  private filesSinceFresh = 0;

  /** @param filesPerRotation files read by all workers together before they are replaced */
  constructor(
    private readonly pool: RecyclablePool,
    private readonly filesPerRotation: number,
  ) {}

  /**
   * Before a large file, which is read on a worker of its own: only one ordinary file is read
   * beside it (Quire sends the host at most one file per thread, the large one among them:
   * `dispatch` in import-pool.ts), so the other ordinary worker would sit idle with its memory
   * (110–150 MB) beside the large page's. Idle workers end now, the busy one after its file; fresh
   * ones start as files come.
   */
  beforeLarge(): void {
    this.recycle();
  }

  /** After each file: the workers are replaced once they have read their share. */
  afterFile(): void {
    this.filesSinceFresh += 1;
    if (this.filesSinceFresh < this.filesPerRotation) return;
    this.recycle();
  }

  private recycle(): void {
    this.filesSinceFresh = 0;
    // A worker that cannot be ended cleanly is gone anyway; the pool starts a new one for the next file.
    this.pool.recycleWorkers().catch(() => undefined);
  }
}
