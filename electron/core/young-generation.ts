/**
 * Quire's own process (the app's main process, `quire serve`, the command line) keeps each thread's
 * young generation at the size V8 starts it with, one megabyte per semi-space. Left alone, V8
 * doubles a thread's young generation whenever enough of what it allocates survives a scavenge, up
 * to 64 MB per semi-space on a machine with plenty of memory; during an import every result from
 * the import host, every text on its way to the files and the index survives one, so the main
 * thread's young generation grew to 134 MB of mostly dead objects where its live heap was 15–20 MB.
 * A scavenge costs what survives it, not what died, so smaller ones cost no more in all: all 4,848
 * Debian pages imported as the app imports them, Quire's process peaked at 253 MB with growth
 * stopped against 379–396 MB, and 1,500 of them took 18.1 against 17.6–17.8 CPU-s of its threads.
 *
 * The command line caps it from its first line (`--max-semi-space-size=2`, bin/quire.js); the
 * app's main process cannot be started with V8 flags (Electron reads them from its own command
 * line, before the app runs), and V8 fixes a thread's largest young generation when the thread
 * starts.
 * What it reads each time it would grow one is the growth factor: at 1, no thread of this process
 * grows its young generation from now on, those already running and those started later (the
 * search worker: worker-limits.ts).
 */
import { setFlagsFromString } from 'node:v8';

export function stopYoungGenerationGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
