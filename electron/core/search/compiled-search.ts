/**
 * Case-insensitive global searches, compiled once per source and reused. A query runs the same
 * search over the text of many hits or candidates, and V8 runs a fresh regex in its slower
 * interpreter until it has been used a few times: a regex per text kept every search there.
 */
const compiled = new Map<string, RegExp>();
/** Enough for the searches of the last few queries. */
const KEPT = 64;

/** The search for `source` (flags `gi`), ready to run from the start of a text. */
export function compiledSearch(source: string): RegExp {
  let search = compiled.get(source);
  if (search === undefined) {
    if (compiled.size >= KEPT) compiled.clear();
    search = new RegExp(source, 'gi');
    compiled.set(source, search);
  }
  search.lastIndex = 0;
  return search;
}
