/**
 * Bounded edit distance for typo tolerance (`term~1`, and the automatic retry): insertions,
 * deletions, substitutions and swaps of two neighbours each count one edit, as in Lunr's fuzzy
 * TokenSet. Checked against every term of a segment, so it gives up as soon as a row of the table
 * exceeds the bound.
 */

// Reused rows: no allocation per compared term.
let previous2 = new Int32Array(0);
let previous = new Int32Array(0);
let current = new Int32Array(0);

export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const n = b.length;
  if (current.length < n + 1) {
    previous2 = new Int32Array(n + 1);
    previous = new Int32Array(n + 1);
    current = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = Math.min(best, previous2[j - 2]! + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return false;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return previous[n]! <= max;
}
