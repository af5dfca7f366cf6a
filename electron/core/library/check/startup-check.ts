/**
 * The check that runs in the background each time the library opens (hosts ask for it): a quick
 * pass (no HTML parsing) over every article folder, the trash and interrupted writes; the safe
 * repairs are applied under the library's change queue, and everything found is logged and kept
 * for `libraryHealth` so the UI can say what Quire repaired. The search index needs nothing here:
 * opening it already reconciles it with the files, and how many articles that re-indexed is added.
 */
import type { HealthProblem, LibraryHealth } from '../../../shared/library-health';
import type { Log } from '../../log';
import { INDEX_WHERE, type CheckProblem } from './check-types';
import { ARRIVING_MS } from '../sync/arriving';
import { say, type CoreSentence } from '../../../shared/i18n/core-sentences';
import { englishSentence } from '../../../shared/i18n/english-sentence';

export interface StartupCheckParts {
  /** resolves when the check may begin (the host's first answers come first) */
  startAfter: Promise<void>;
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
  private current: LibraryHealth = { state: 'checking', checkedAt: null, repaired: [], repairedSentences: [], problems: [], problemSentences: [] };
  readonly done: Promise<void>;

  constructor(private readonly parts: StartupCheckParts) {
    this.done = parts.startAfter.then(() => this.run()).catch((error: unknown) => {
      parts.log('The library check at start failed', error);
      this.current = { ...this.current, state: 'done', checkedAt: parts.clock() };
    });
  }

  health(): LibraryHealth {
    const { repaired, repairedSentences, problems, problemSentences } = this.current;
    return { ...this.current, repaired: [...repaired], repairedSentences: [...repairedSentences], problems: [...problems], problemSentences: [...problemSentences] };
  }

  private async run(): Promise<void> {
    const { parts } = this;
    const repaired: CoreSentence[] = [];
    const problems: string[] = [];
    const problemSentences: HealthProblem[] = [];
    if (parts.brokenSettings !== null) {
      repaired.push(say('core.check.settingsBroken', { file: parts.brokenSettings }));
    }
    // Folders a synchronizer is still writing are left alone; the library watcher takes them in when whole.
    // Loaded when the check runs, after the library is open: a one-shot command that ends first never loads it.
    const { checkLibrary } = await import('./check-library');
    const report = await checkLibrary(parts.root, { deep: false, arrivingWithinMs: ARRIVING_MS });
    for (const where of report.arriving) parts.log(`Library check: ${where} is still arriving (incomplete, written to a moment ago); left alone`);
    const repairable = report.problems.filter((p) => this.safeToRepair(p));
    for (const problem of report.problems) {
      if (repairable.includes(problem)) continue;
      problems.push(`${problem.where}: ${problem.message}`);
      // The index's problems name it in their sentence; a path needs no words of its own.
      problemSentences.push({ where: problem.where === INDEX_WHERE ? null : problem.where, sentence: problem.sentence });
    }
    if (repairable.length > 0) {
      const { repairLibrary } = await import('./repair-library');
      const outcome = await parts.exclusive(() => repairLibrary(parts.root, repairable, parts.clock));
      repaired.push(...outcome.sentences);
      problems.push(...outcome.failures);
      problemSentences.push(...outcome.failureSentences.map((sentence) => ({ where: null, sentence })));
      await parts.reindex(outcome.touched);
    }
    const reindexed = await parts.reindexedAtOpen();
    if (reindexed === null) {
      const sentence = say('core.check.problem.indexUnavailable');
      problems.push(englishSentence(sentence));
      problemSentences.push({ where: null, sentence });
    }
    else if (reindexed > 0 && !parts.created) repaired.push(say('core.check.reindexed', { count: reindexed }));
    const repairedLines = repaired.map(englishSentence);
    for (const line of repairedLines) parts.log(`Library check: ${line}`);
    for (const line of problems) parts.log(`Library check found: ${line}`);
    this.current = { state: 'done', checkedAt: parts.clock(), repaired: repairedLines, repairedSentences: repaired, problems, problemSentences };
  }

  /** Everything but moving away an article the running library has loaded (it would vanish under it). */
  private safeToRepair(problem: CheckProblem): boolean {
    const { repair } = problem;
    if (repair === null || repair.kind === 'reindex') return false;
    const live = /^articles\/([^/]+)$/.exec(problem.where);
    return !(repair.kind === 'quarantine' && live !== null && this.parts.isLoaded(live[1]!));
  }
}
