/**
 * What the background check at start found and did, for the UI to say "Quire repaired N things".
 * Lines are sentences for a person, one per action or problem; paths are relative to the library.
 * The repairs and problems also travel as core sentences, so the UI says them in the interface language.
 */
import type { CoreSentence } from './i18n/core-sentences';

export interface LibraryHealth {
  /** 'checking' until the check that runs at start has finished */
  state: 'checking' | 'done';
  /** when the check finished (ISO), null while checking */
  checkedAt: string | null;
  /** what was repaired, one line per action */
  repaired: string[];
  /** the same repairs as sentences, in the same order (the English above is made from them) */
  repairedSentences: CoreSentence[];
  /** what is still wrong and needs the user (`quire check` says more), one English line each */
  problems: string[];
  /** the same problems as sentences, in the same order: where (null for the library as a whole) and what */
  problemSentences: HealthProblem[];
}

/** One thing the check found and could not repair, said in the interface language. */
export interface HealthProblem {
  /** the file or folder, relative to the library (a path: the same in every language), or null */
  where: string | null;
  sentence: CoreSentence;
}
