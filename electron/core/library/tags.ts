/**
 * Tags on articles. Tags compare without regard to case ("News" and "news" are one tag; the
 * spelling first given is kept), so bulk tagging never creates near-duplicates.
 */
import { tagKey } from '../../shared/article-query';

// How tags compare is a rule of the library's queries too, written once in electron/shared.
export { hasTag, tagKey } from '../../shared/article-query';

/** One line, single spaces, no padding (the contract's tag schema does the same to what hosts pass). */
export const normalizeTag = (tag: string): string => tag.replace(/\s+/g, ' ').trim();

/** The article's tags with `tags` added (in the order given), or null when nothing changes. */
export function addedTags(current: readonly string[], tags: readonly string[]): string[] | null {
  const next = [...current];
  for (const tag of tags.map(normalizeTag)) {
    if (tag !== '' && !next.some((own) => tagKey(own) === tagKey(tag))) next.push(tag);
  }
  return next.length === current.length ? null : next;
}

/** The article's tags without `tags`, or null when it had none of them. */
export function removedTags(current: readonly string[], tags: readonly string[]): string[] | null {
  const drop = new Set(tags.map((tag) => tagKey(normalizeTag(tag))));
  const next = current.filter((own) => !drop.has(tagKey(own)));
  return next.length === current.length ? null : next;
}
