/**
 * The rows of the results list: each hit, then for an article's text its next best places, then
 * "and N more in this article" when the text matches in more places than are listed. Every row
 * opens the reader: a place at its passage, the "more" row at the article's first match with every
 * match highlighted (the reader's match bar steps through them all, in order).
 */
import type { SearchHit } from '../../electron/shared/models';
import { hitPlaces } from '../../electron/shared/search-totals';

export interface ResultEntry {
  /** what opening the row opens: the hit, or the hit at another of its places */
  hit: SearchHit;
  kind: 'place' | 'more';
  /** for a "more" row: how many places of the text are not listed */
  more: number;
}

/** The places of an article's text listed under it (the hit's own and its next best). */
export function listedPlaces(hit: SearchHit): number {
  return hit.kind === 'article' ? 1 + (hit.morePassages?.length ?? 0) : 1;
}


export function resultEntries(hits: readonly SearchHit[]): ResultEntry[] {
  const entries: ResultEntry[] = [];
  for (const hit of hits) {
    entries.push({ hit, kind: 'place', more: 0 });
    if (hit.kind !== 'article') continue;
    for (const place of hit.morePassages ?? []) {
      entries.push({ hit: { ...hit, snippet: place.snippet, passage: place.passage }, kind: 'place', more: 0 });
    }
    const more = hitPlaces(hit) - listedPlaces(hit);
    // From the first match: the reader's match bar then steps through every place in order.
    if (more > 0) entries.push({ hit: { ...hit, passage: null }, kind: 'more', more });
  }
  return entries;
}
