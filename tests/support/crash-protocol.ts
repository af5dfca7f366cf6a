/** What the crash child (crash-child.ts) and the crash tests share: its operations and seeded choices. */

export { seededRandom } from './seeded-random';

export type CrashOp =
  | { kind: 'create'; seq: number; articleId: string; note: string; bookmark: boolean }
  | { kind: 'update'; seq: number; articleId: string; id: string; note: string }
  | { kind: 'delete'; seq: number; articleId: string; id: string };

/**
 * A made-up word the search index keeps as it is (letters only, no stemmable ending), unique per
 * write, so the test can search for exactly this note after the crash.
 */
export function markerWord(prefix: string, n: number): string {
  let letters = '';
  let value = n;
  do {
    letters = String.fromCharCode(97 + (value % 26)) + letters;
    value = Math.floor(value / 26);
  } while (value > 0);
  return `zq${prefix}${letters}vx`;
}

/** One line the child prints (see crash-child.ts). */
export type CrashLine = { t: 'ready' } | { t: 'begin'; op: CrashOp } | { t: 'ack'; op: CrashOp; id: string };
