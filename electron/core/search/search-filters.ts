/** The filters and orders of SearchOptions, applied to ranked candidates before snippets are built. */
import type { SearchOptions, SearchSort } from '../../shared/models';
import type { StoredDoc } from './segment-store';

/** Days compare as strings: `date` is ISO, so its first ten characters are the day. */
const dayOf = (date: string | null): string | null => (date === null ? null : date.slice(0, 10));

export function matchesFilters(doc: StoredDoc, options: SearchOptions): boolean {
  if (options.tags !== undefined && options.tags.length > 0) {
    const tags = new Set(doc.tags.map((tag) => tag.toLowerCase()));
    if (!options.tags.every((tag) => tags.has(tag.toLowerCase()))) return false;
  }
  if (options.formats !== undefined && options.formats.length > 0) {
    if (doc.format === null || !(options.formats as string[]).includes(doc.format)) return false;
  }
  if (options.languages !== undefined && options.languages.length > 0) {
    if (doc.language === null || !options.languages.some((lang) => lang.toLowerCase() === doc.language)) return false;
  }
  if (options.from !== undefined || options.to !== undefined) {
    const day = dayOf(doc.date);
    if (day === null) return false;
    if (options.from !== undefined && day < options.from) return false;
    if (options.to !== undefined && day > options.to) return false;
  }
  return true;
}

interface Ranked {
  candidate: { score: number };
  doc: StoredDoc;
}

const byRef = (a: Ranked, b: Ranked): number => (a.doc.ref < b.doc.ref ? -1 : a.doc.ref > b.doc.ref ? 1 : 0);

/**
 * Best first, or newest first (undated last, then by score). Ties fall back to the document's ref:
 * a stable order that does not depend on how the index is split into segments.
 */
export function sortHits(hits: Ranked[], sort: SearchSort): void {
  if (sort === 'date') {
    hits.sort((a, b) => {
      const da = a.doc.date ?? '';
      const db = b.doc.date ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return b.candidate.score - a.candidate.score || byRef(a, b);
    });
    return;
  }
  hits.sort((a, b) => b.candidate.score - a.candidate.score || byRef(a, b));
}
