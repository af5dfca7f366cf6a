/**
 * When the import host replaces its workers with fresh ones (import-host.ts). A fresh worker is the
 * only way to hand all of a worker's memory back to the system: V8 and the allocator keep much of
 * what a worker once used, so its resident memory creeps up over thousands of pages while its live
 * heap does not, and a large page leaves it far above an ordinary one's needs.
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
   * Before a large file, read alone: every idle worker ends first, so the file is read by a fresh
   * worker with nothing beside it, and the import's peak is that one page, not the page plus what
   * the other workers hold.
   */
  async beforeAlone(): Promise<void> {
    this.filesSinceFresh = 0;
    await this.pool.recycleWorkers();
  }

  /** After each file: the workers are replaced after a large file, and once they have read their share. */
  afterFile({ alone }: { alone: boolean }): void {
    this.filesSinceFresh += 1;
    if (!alone && this.filesSinceFresh < this.filesPerRotation) return;
    this.filesSinceFresh = 0;
    // A worker that cannot be ended cleanly is gone anyway; the pool starts a new one for the next file.
    this.pool.recycleWorkers().catch(() => undefined);
  }
}
