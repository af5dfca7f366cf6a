/**
 * What the background check at start found and did, for the UI to say "Quire repaired N things".
 * Lines are sentences for a person, one per action or problem; paths are relative to the library.
 */
export interface LibraryHealth {
  /** 'checking' until the check that runs at start has finished */
  state: 'checking' | 'done';
  /** when the check finished (ISO), null while checking */
  checkedAt: string | null;
  /** what was repaired, one line per action */
  repaired: string[];
  /** what is still wrong and needs the user (`quire check` says more) */
  problems: string[];
}
