/**
 * Per-field change times in article.json. Every write of an article's metadata goes through
 * `stampChangedFields`, so a field's time is when it last changed on whichever machine changed
 * it; a merge of two copies (merge-article-meta.ts) then takes each field from the copy that
 * changed it last, instead of one whole file winning.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ArticleMeta, TimedField } from '../../../shared/models';

const valuesOf: Record<TimedField, (meta: ArticleMeta) => unknown> = {
  title: (meta) => meta.title,
  tags: (meta) => [...meta.tags].sort(),
  readState: (meta) => meta.readState,
  progress: (meta) => [meta.progress, meta.position],
};

const TIMED = Object.keys(valuesOf) as TimedField[];

/** When this copy last changed `field`: its own time, else (a file an older version wrote) the article's `updatedAt`. */
export const changedAt = (meta: ArticleMeta, field: TimedField): string => meta.fieldUpdatedAt?.[field] ?? meta.updatedAt;

/** `next` with the time of every timed field that differs from `previous` set to `now`, and removed tags remembered. */
export function stampChangedFields(previous: ArticleMeta, next: ArticleMeta, now: string): ArticleMeta {
  const changed = TIMED.filter((field) => !isDeepStrictEqual(valuesOf[field](previous), valuesOf[field](next)));
  if (changed.length === 0) return next;
  const fieldUpdatedAt = { ...previous.fieldUpdatedAt, ...next.fieldUpdatedAt };
  for (const field of changed) fieldUpdatedAt[field] = now;
  const stamped: ArticleMeta = { ...next, fieldUpdatedAt };
  if (changed.includes('tags')) {
    const removed = previous.tags.filter((tag) => !next.tags.includes(tag));
    const tagsRemovedAt = { ...previous.tagsRemovedAt, ...next.tagsRemovedAt };
    for (const tag of removed) tagsRemovedAt[tag] = now;
    // A tag set again is no longer removed.
    for (const tag of next.tags) delete tagsRemovedAt[tag];
    if (Object.keys(tagsRemovedAt).length > 0) stamped.tagsRemovedAt = tagsRemovedAt;
    else delete stamped.tagsRemovedAt;
  }
  return stamped;
}
