/**
 * The primary subtag of a BCP 47 language tag, lowercased (`fr-CA` → `fr`), or null when it is not
 * two or three letters. What articles are filtered and offered by (search filters, facets), so the
 * search index and the library's facets cut tags the same way. Kept apart from search/languages.ts,
 * which loads Lunr: the main process counts facets without it.
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
