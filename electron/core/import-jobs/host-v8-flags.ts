/**
 * The import host's V8 flags, and how the host gets them however it was started. Kept apart from
 * the protocol, with no import of Quire's own, so that a test can load this file in a Node process
 * started as Electron starts the host: with no flags.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Each semi-space of a worker's young generation (V8 keeps three). Left alone, V8 doubles it up to
 * 64 MB on a machine with plenty of memory: up to 192 MB per worker of mostly dead young objects.
 * A page's DOM outlives its young collections anyway (it moves to the old generation), so a small
 * young generation costs no time; measured with two workers on 30 ordinary pages, the import host
 * held about 60 MB less.
 */
export const WORKER_SEMI_SPACE_MB = 4;

/** A worker's young generation in all (`resourceLimits.maxYoungGenerationSizeMb`): its three semi-spaces. */
export const WORKER_YOUNG_GENERATION_MB = 3 * WORKER_SEMI_SPACE_MB;

/**
 * V8's flags for the host and its workers where Quire starts it with Node (the command line,
 * `quire serve`):
 * - no TurboFan, V8's top tier. A worker lives for at most 250 files and most imports are a few
 *   dozen, so its code rarely runs long enough to repay TurboFan's compiles, which on a machine
 *   whose cores the two workers already fill take CPU from the reading itself; Maglev, the tier
 *   below, still optimizes what is hot. Measured on 120 real news pages (`quire import`,
 *   alternating, 6 runs each): 10.8 → 9.9 s, 19.4 → 17.4 CPU-s, the host's peak 328 → 317 MB; over
 *   thousands of Debian pages the host's peak is about 50 MB higher, the speed within the spread
 *   of runs (docs/benchmarks.md, "Import").
 * - no parallel scavenges. Each worker's young generation is a few megabytes (import-host.ts), and
 *   the helper threads V8 starts for each of its frequent scavenges compete with the other worker
 *   for the same cores: V8's helper threads took 3.3 CPU-s beside the workers' 8.0 on 300 Debian
 *   pages, 2.3 without parallel scavenges, for 0.2 more in the workers themselves. `quire import`
 *   alternating, three runs each: 300 Debian pages 9.1 → 8.5 s, 16.5 → 15.6 CPU-s; 120 news pages
 *   7.1 → 6.8 s.
 * - no concurrent recompilation: Maglev compiles a hot function on the worker's own thread, not
 *   on one of V8's helper threads. A helper thread's compile allocates its working memory from
 *   glibc arenas the workers do not use, where it stays once freed: one worker reading 50 Debian
 *   pages kept 130–145 MB resident after it ended instead of 210–290. `quire import`, alternating:
 *   120 news pages 6.9 → 6.4 s, 11.5 → 10.4 CPU-s, the host's peak 229–264 → 221–231 MB; the 223
 *   held-out pages 30.0 → 28.5 s; all 4,849 Debian pages, three pairs of runs, the host's peak
 *   430–443 → 386–418 MB, CPU no higher (docs/benchmarks.md, "Import").
 * - the workers' semi-space size as the host's own. The flag also sets every worker's (it overrides
 *   a thread's `resourceLimits`), so theirs stays as it is. The host's own thread has no limit of
 *   its own, and it only passes files and results on; every file's bytes and every result survive a
 *   scavenge or two on their way, so V8 doubled its young generation up to 64 MB per semi-space:
 *   134 MB after 1,500 Debian pages, where its live heap was 10–50 MB. `quire import` of those
 *   pages: the host's peak 411 → 268 MB.
 * The desktop app's host (Electron's utility process) is started without them and sets them itself
 * (`v8FlagsToSetInside`).
 */
const SEMI_SPACE_CAP = `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`;

export const IMPORT_HOST_V8_FLAGS: readonly string[] = [
  '--no-turbofan',
  '--no-parallel-scavenge',
  '--no-concurrent-recompilation',
  SEMI_SPACE_CAP,
];

/**
 * The flags of IMPORT_HOST_V8_FLAGS the host's start did not give it. Node's child_process passes
 * them on the command line; Electron's utility process (the desktop app's host) starts with none,
 * since Electron takes V8 flags only on its own command line (`--js-flags`), which the app cannot
 * set for itself. Set from inside, before any worker starts, each flag reaches the workers started
 * afterwards, and the tiering and scavenge flags the host's own thread too; only the semi-space
 * cap comes too late for the host's own thread, whose young generation V8 laid out at its start.
 * That thread only passes files and results on, yet every one of them survives a scavenge or two,
 * so V8 would grow its young generation to 64 MB per semi-space (128 MB measured with the flags
 * missing). In its place:
 * - no thread of the host grows its young generation any more (`--semi-space-growth-factor=1`): the
 *   host's own stays at the size V8 starts it with, one megabyte per semi-space;
 * - the workers start theirs at the cap (`--min-semi-space-size`), where with the flag on the
 *   command line they grow to it.
 */
export function v8FlagsToSetInside(startedWith: readonly string[]): string[] {
  const missing = IMPORT_HOST_V8_FLAGS.filter((flag) => !startedWith.includes(flag));
  if (!missing.includes(SEMI_SPACE_CAP)) return missing;
  return [...missing, `--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`, '--semi-space-growth-factor=1'];
}

/** The host's first act: its flags, whichever of them its start did not give it. */
export function setImportHostV8Flags(startedWith: readonly string[] = process.execArgv): void {
  // One call each: V8 stops reading a string at a flag it does not know (a V8 that renamed one),
  // and would drop the flags after it.
  for (const flag of v8FlagsToSetInside(startedWith)) setFlagsFromString(flag);
}
