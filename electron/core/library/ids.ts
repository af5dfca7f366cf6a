/**
 * New ids and timestamps. Ids are random UUIDs: lowercase hex and dashes, so they satisfy `idSchema`
 * and never collide across machines that sync one library.
 */
import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * ISO timestamps that strictly increase within a process, so that articles imported in one batch
 * (often within the same millisecond) still have a definite newest-first order.
 */
export function createClock(now: () => number = Date.now): () => string {
  let last = 0;
  return () => {
    last = Math.max(now(), last + 1);
    return new Date(last).toISOString();
  };
}
