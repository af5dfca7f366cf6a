/**
 * Daily automatic backups while a host runs: one soon after start when the newest backup is more
 * than a day old (or there is none), then a look every hour for as long as the library is open.
 * How many are kept is a setting (`backupsKept`, default 7) in the settings store.
 */
import type { Log } from '../log';
import type { KeyValueStore } from '../settings/key-value-store';
import { DEFAULT_BACKUPS_KEPT, listBackups } from './backups';

export const BACKUPS_KEPT_KEY = 'backupsKept';
export const MAX_BACKUPS_KEPT = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOOK_EVERY_MS = 60 * 60 * 1000;

export function backupsKept(settings: KeyValueStore): number {
  const stored = settings.get(BACKUPS_KEPT_KEY);
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 && stored <= MAX_BACKUPS_KEPT ? stored : DEFAULT_BACKUPS_KEPT;
}

export interface BackupScheduleParts {
  root: string;
  log: Log;
  now: () => number;
  /** writes one backup (under the library's change queue) */
  backup(): Promise<unknown>;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly parts: BackupScheduleParts) {}

  /** `after` resolves when start-up work is done; the first look waits for it. */
  start(after: Promise<unknown>): void {
    this.running = after.then(() => this.backupIfDue());
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.backupIfDue());
    }, LOOK_EVERY_MS);
    this.timer.unref(); // a pending backup never keeps a process alive
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async backupIfDue(): Promise<void> {
    try {
      const [newest] = await listBackups(this.parts.root);
      if (newest && this.parts.now() - Date.parse(newest.createdAt) < DAY_MS) return;
      await this.parts.backup();
    } catch (error) {
      this.parts.log('The automatic backup failed', error);
    }
  }
}
