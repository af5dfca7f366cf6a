/**
 * A full garbage collection once a large piece of markup's trees are dropped, where `gc()` is
 * exposed, as in the import workers (import-host.ts). V8 lets its heap grow to a few times what was
 * alive at its last full collection before it collects again: one that happens while a large tree
 * is alive lets the next step's garbage pile up to several times that tree. Collecting right after
 * the tree is dropped sets that limit from what is left. An ordinary page is left to V8: a
 * collection per page costs more time than it saves.
 */

/** Markup of more characters (or bytes) than this leaves garbage worth collecting at once. */
const LARGE_MARKUP = 1_000_000;

type CollectGarbage = (options: { type: 'major'; execution: 'sync' }) => void;

/** Collects now when the markup (its length in characters, or in bytes) is large and `gc()` is exposed. */
export function collectAfterLargeMarkup(length: number): void {
  const collect = (globalThis as { gc?: CollectGarbage }).gc;
  if (collect && length > LARGE_MARKUP) collect({ type: 'major', execution: 'sync' });
}
