/**
 * Writes the page still holds (a note being typed, saved a moment after the last key): each one
 * registers how to save it now. The desktop app asks the page to save them all before its window
 * closes or the app quits (the preload's `onFlushRequest`), and waits for it.
 */
type Flush = () => Promise<unknown>;

const pending = new Set<Flush>();

/** Registers a write to save on request; the function returned unregisters it. */
export function registerPendingWrite(flush: Flush): () => void {
  pending.add(flush);
  return () => void pending.delete(flush);
}

/** Saves every registered write; resolves when all have finished, failed ones included. */
export async function flushPendingWrites(): Promise<void> {
  await Promise.allSettled([...pending].map((flush) => flush()));
}
