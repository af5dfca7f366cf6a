/**
 * The check that runs in the background each time the library opens (hosts ask for it): a quick
 * pass (no HTML parsing) over every article folder, the trash and interrupted writes; the safe
 * repairs are applied under the library's change queue, and everything found is logged and kept
 * for `libraryHealth` so the UI can say what Quire repaired. The search index needs nothing here:
 * opening it already reconciles it with the files, and how many articles that re-indexed is added.
 */
import type { LibraryHealth } from '../../../shared/library-health';
import type { Log } from '../../log';
import type { CheckProblem } from './check-types';
import { ARRIVING_MS } from '../sync/arriving';
import { say, type CoreSentence } from '../../../shared/i18n/core-sentences';
import { englishSentence } from '../../../shared/i18n/english-sentence';

export interface StartupCheckParts {
  root: string;
  log: Log;
  clock: () => string;
  /** runs a task under the library's change queue (no write in flight meanwhile) */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** whether the article store holds this live article (those are never moved away under it) */
  isLoaded(articleId: string): boolean;
  /** re-index these articles and read them again (their text, annotations or article.json were repaired); resolves when read */
  reindex(articleIds: readonly string[]): Promise<void> | void;
  /** how many articles the search index found stale when it opened (null: it could not open) */
  reindexedAtOpen(): Promise<number | null>;
  /** the settings file was unreadable and kept here */
  brokenSettings: string | null;
  /** a brand-new library: its first indexing is not a repair */
  created: boolean;
}

export class StartupCheck {
  private current: LibraryHealth = { state: 'checking', checkedAt: null, repaired: [], repairedSentences: [], problems: [] };
  readonly done: Promise<void>;

  constructor(private readonly parts: StartupCheckParts) {
    this.done = this.run().catch((error: unknown) => {
      parts.log('The library check at start failed', error);
      this.current = { ...this.current, state: 'done', checkedAt: parts.clock() };
    });
  }

  health(): LibraryHealth {
    return { ...this.current, repaired: [...this.current.repaired], repairedSentences: [...this.current.repairedSentences], problems: [...this.current.problems] };
  }

  private async run(): Promise<void> {
    const { parts } = this;
    const repaired: CoreSentence[] = [];
    const problems: string[] = [];
    if (parts.brokenSettings !== null) {
      repaired.push(say('core.check.settingsBroken', { file: parts.brokenSettings }));
    }
    // Folders a synchronizer is still writing are left alone; the library watcher takes them in when whole.
    // Loaded when the check runs, after the library is open: a one-shot command that ends first never loads it.
    const { checkLibrary } = await import('./check-library');
    const report = await checkLibrary(parts.root, { deep: false, arrivingWithinMs: ARRIVING_MS });
    for (const where of report.arriving) parts.log(`Library check: ${where} is still arriving (incomplete, written to a moment ago); left alone`);
    const repairable = report.problems.filter((p) => this.safeToRepair(p));
    for (const problem of report.problems) if (!repairable.includes(problem)) problems.push(`${problem.where}: ${problem.message}`);
    if (repairable.length > 0) {
      const { repairLibrary } = await import('./repair-library');
      const outcome = await parts.exclusive(() => repairLibrary(parts.root, repairable, parts.clock));
      repaired.push(...outcome.sentences);
      problems.push(...outcome.failures);
      await parts.reindex(outcome.touched);
    }
    const reindexed = await parts.reindexedAtOpen();
    if (reindexed === null) problems.push('The search index could not be opened; search is unavailable (details are in the log).');
    else if (reindexed > 0 && !parts.created) repaired.push(say('core.check.reindexed', { count: reindexed }));
    const repairedLines = repaired.map(englishSentence);
    for (const line of repairedLines) parts.log(`Library check: ${line}`);
    for (const line of problems) parts.log(`Library check found: ${line}`);
    this.current = { state: 'done', checkedAt: parts.clock(), repaired: repairedLines, repairedSentences: repaired, problems };
  }

  /** Everything but moving away an article the running library has loaded (it would vanish under it). */
  private safeToRepair(problem: CheckProblem): boolean {
    const { repair } = problem;
    if (repair === null || repair.kind === 'reindex') return false;
    const live = /^articles\/([^/]+)$/.exec(problem.where);
    return !(repair.kind === 'quarantine' && live !== null && this.parts.isLoaded(live[1]!));
  }
}
