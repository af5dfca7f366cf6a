/**
 * Two versions of one article.json (a synchronizer kept both) merged field by field. The result
 * depends only on the two versions, never on which is the file and which the copy, nor on the
 * clock: both machines merge the same pair and write the same bytes, so the merge itself syncs
 * without a new conflict.
 *
 * - title and reading state: the copy that changed that field last;
 * - the author (edited by hand, no field time): over the same text the copy updated last, else
 *   the text's side;
 * - reading position (progress and position together): the one set last; when neither copy knows
 *   when (files older versions wrote), the furthest;
 * - tags: the union, less a tag one copy removed after the other last set its tags;
 * - the text's own details (content hash, word count, language, source…): from `textSide`, the
 *   copy whose content hash is the text.txt beside it, else the copy updated last;
 * - `addedAt` the earliest, `updatedAt` and each field's time the latest.
 */
import type { ArticleMeta, TimedField } from '../../../shared/models';
import { changedAt } from './field-times';

/** Orders two values the same way wherever it runs: the later time wins, a tie goes to the greater JSON. */
function later<T>(a: T, aTime: string, b: T, bTime: string): T {
  if (aTime !== bTime) return aTime > bTime ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

const laterField = <K extends keyof ArticleMeta>(a: ArticleMeta, b: ArticleMeta, key: K, field: TimedField): ArticleMeta[K] =>
  later(a[key], changedAt(a, field), b[key], changedAt(b, field));

export function mergeArticleMeta(a: ArticleMeta, b: ArticleMeta, textSide?: 'a' | 'b'): ArticleMeta {
  const text = textSide === 'a' ? a : textSide === 'b' ? b : later(a, a.updatedAt, b, b.updatedAt);
  const merged: ArticleMeta = {
    ...text,
    id: a.id,
    title: laterField(a, b, 'title', 'title'),
    // The author is edited by hand but has no time of its own (a new field time would make
    // article.json unreadable to earlier versions, whose schema refuses unknown ones): over the
    // same text, the copy updated last has it (an edit bumps updatedAt); else the text's side.
    byline: a.contentHash === b.contentHash ? later(a.byline, a.updatedAt, b.byline, b.updatedAt) : text.byline,
    readState: laterField(a, b, 'readState', 'readState'),
    ...mergePosition(a, b),
    addedAt: a.addedAt <= b.addedAt ? a.addedAt : b.addedAt,
    updatedAt: a.updatedAt >= b.updatedAt ? a.updatedAt : b.updatedAt,
  };
  const { tags, tagsRemovedAt } = mergeTags(a, b);
  merged.tags = tags;
  if (tagsRemovedAt) merged.tagsRemovedAt = tagsRemovedAt;
  else delete merged.tagsRemovedAt;
  const fieldUpdatedAt = mergeTimes(a.fieldUpdatedAt, b.fieldUpdatedAt);
  if (fieldUpdatedAt) merged.fieldUpdatedAt = fieldUpdatedAt;
  else delete merged.fieldUpdatedAt;
  return merged;
}

function mergePosition(a: ArticleMeta, b: ArticleMeta): Pick<ArticleMeta, 'progress' | 'position'> {
  const unknownTimes = a.fieldUpdatedAt?.progress === undefined && b.fieldUpdatedAt?.progress === undefined;
  const pick = (meta: ArticleMeta) => ({ progress: meta.progress, position: meta.position });
  if (unknownTimes) {
    if (a.progress !== b.progress) return pick(a.progress > b.progress ? a : b);
    return pick(a.position >= b.position ? a : b);
  }
  return later(pick(a), changedAt(a, 'progress'), pick(b), changedAt(b, 'progress'));
}

function mergeTags(a: ArticleMeta, b: ArticleMeta): Pick<ArticleMeta, 'tags' | 'tagsRemovedAt'> {
  const removedAt = mergeTimes(a.tagsRemovedAt, b.tagsRemovedAt) ?? {};
  const union = [...new Set([...a.tags, ...b.tags])];
  // A copy that still has the tag keeps it when it set its tags at or after the removal (nothing is lost on a tie).
  const tags = union.filter((tag) => {
    const removed = removedAt[tag];
    if (removed === undefined) return true;
    return [a, b].some((side) => side.tags.includes(tag) && changedAt(side, 'tags') >= removed);
  });
  // Ordered as the copy that set its tags last has them, then the other's: stable on both machines.
  const first = later(a, changedAt(a, 'tags'), b, changedAt(b, 'tags'));
  const second = first === a ? b : a;
  const ordered = [...new Set([...first.tags, ...second.tags])].filter((tag) => tags.includes(tag));
  const stillRemoved: Record<string, string> = {};
  for (const [tag, time] of Object.entries(removedAt)) if (time !== undefined && !ordered.includes(tag)) stillRemoved[tag] = time;
  return Object.keys(stillRemoved).length > 0 ? { tags: ordered, tagsRemovedAt: stillRemoved } : { tags: ordered };
}

/** Each key's latest time; undefined when neither side has any. */
function mergeTimes<K extends string>(a: Partial<Record<K, string>> | undefined, b: Partial<Record<K, string>> | undefined): Partial<Record<K, string>> | undefined {
  if (!a && !b) return undefined;
  // Keys in one order, so both machines write the same bytes.
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort() as K[];
  const merged: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const [mine, theirs] = [a?.[key], b?.[key]];
    merged[key] = mine === undefined || (theirs !== undefined && theirs > mine) ? theirs : mine;
  }
  return merged;
}
