/**
 * Finds the conflict copies a synchronizer left in one article folder (live or trashed) and
 * settles each: article.json and annotations are merged into the file they are a copy of
 * (merge-article-meta.ts, merge-annotation.ts) and the copy removed; any other file (the text, an
 * asset) is removed when it is the same as the article's, else kept in `quarantine/` with a note,
 * since an article has one text. A copy that cannot be read goes to quarantine too: nothing a
 * synchronizer kept is ever just deleted.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type * as z from '../../../shared/zod';
import type { ArticleMeta } from '../../../shared/models';
import { writeJsonAtomic } from '../../fs/atomic-write';
import { namesIn } from '../../fs/names-in';
import { quarantine } from '../check/quarantine';
import { readChecked, readTextIfPresent, type FileFault } from '../check/read-checked';
import { say, type CoreSentence } from '../../../shared/i18n/core-sentences';
import { annotationSchema, articleMetaSchema } from '../file-schemas';
import { contentHashOf } from '../import-into-library';
import { articleFiles, isValidId } from '../library-paths';
import { parseConflictName } from './conflict-names';
import { mergeAnnotation } from './merge-annotation';
import { mergeArticleMeta } from './merge-article-meta';

export interface FoundConflictCopy {
  /** the copy's full path */
  copy: string;
  /** the full path of the file it is a copy of */
  original: string;
}

/** The conflict copies in an article folder and its `annotations/`. */
export async function conflictCopiesIn(articleDir: string): Promise<FoundConflictCopy[]> {
  const found: FoundConflictCopy[] = [];
  for (const dir of [articleDir, articleFiles(articleDir).annotationsDir]) {
    for (const name of (await namesIn(dir)).sort()) {
      const parsed = parseConflictName(name);
      if (parsed) found.push({ copy: path.join(dir, name), original: path.join(dir, parsed.original) });
    }
  }
  return found;
}

/** What settling a conflict copy did, as the repair line's sentence chooses its words (`{outcome, select, …}`). */
export type ConflictSettlement =
  | { outcome: 'putBackMissing' | 'removedSame' | 'merged'; file: string }
  | { outcome: 'movedOther'; file: string; moved: string }
  | ({ outcome: 'movedUnreadableCopy'; moved: string } & FileFault)
  | ({ outcome: 'putBackUnreadable'; file: string } & FileFault);

/** The repair line for a settled copy: every value given, '' where the outcome has none. */
export const settledSentence = (where: string, done: ConflictSettlement): CoreSentence =>
  say('core.check.settled', {
    where,
    outcome: done.outcome,
    file: 'file' in done ? done.file : '',
    moved: 'moved' in done ? done.moved : '',
    state: 'state' in done ? done.state : '',
    field: 'field' in done ? done.field : '',
  });

/**
 * Settles one conflict copy in `articleDir`; returns what was done. The caller
 * holds the article's lock (article.json is read, merged and written as `update` does).
 */
export async function resolveConflictCopy(root: string, articleDir: string, found: FoundConflictCopy, now: string): Promise<ConflictSettlement> {
  const { copy, original } = found;
  const name = path.basename(original);
  const inAnnotations = path.basename(path.dirname(original)) === 'annotations';
  if (!inAnnotations && name === 'article.json') {
    const text = await readTextIfPresent(articleFiles(articleDir).text);
    const textHash = text === null ? null : contentHashOf(text);
    return mergeJson(root, found, articleMetaSchema, now, (live, other) => mergeArticleMeta(live, other, textSideOf(textHash, live, other)));
  }
  if (inAnnotations && name.endsWith('.json') && isValidId(name.slice(0, -'.json'.length))) {
    return mergeJson(root, found, annotationSchema, now, mergeAnnotation);
  }
  const [mine, theirs] = await Promise.all([readBytes(original), readBytes(copy)]);
  if (mine === null && theirs !== null) {
    await rename(copy, original);
    return { outcome: 'putBackMissing', file: name };
  }
  if (mine !== null && theirs !== null && mine.equals(theirs)) {
    await rm(copy, { force: true });
    return { outcome: 'removedSame', file: name };
  }
  const moved = await quarantine(root, copy, `it is another machine's version of ${name}, which a synchronizer kept beside it (the article keeps its own ${name})`, now);
  return { outcome: 'movedOther', file: name, moved };
}

/** Which copy's content hash is the text.txt beside them, if either. */
const textSideOf = (textHash: string | null, live: ArticleMeta, other: ArticleMeta): 'a' | 'b' | undefined =>
  textHash === null ? undefined : live.contentHash === textHash ? 'a' : other.contentHash === textHash ? 'b' : undefined;

async function mergeJson<T>(
  root: string,
  { copy, original }: FoundConflictCopy,
  schema: z.ZodMiniType<T>,
  now: string,
  merge: (live: T, other: T) => T,
): Promise<ConflictSettlement> {
  const name = path.basename(original);
  const theirs = await readChecked(copy, schema);
  if (!theirs.ok) {
    const moved = await quarantine(root, copy, `it is a conflict copy of ${name} that ${theirs.reason}`, now);
    return { outcome: 'movedUnreadableCopy', moved, state: theirs.state, field: theirs.field };
  }
  const mine = await readChecked(original, schema);
  if (!mine.ok) {
    // The copy is the one readable version: it takes the file's place (an unreadable file goes to quarantine first).
    if (!mine.missing) await quarantine(root, original, `${name} ${mine.reason}, and a readable conflict copy took its place`, now);
    await rename(copy, original);
    return { outcome: 'putBackUnreadable', file: name, state: mine.state, field: mine.field };
  }
  const merged = merge(mine.value, theirs.value);
  if (JSON.stringify(merged) !== JSON.stringify(mine.value)) await writeJsonAtomic(original, merged);
  await rm(copy, { force: true });
  return { outcome: 'merged', file: name };
}

async function readBytes(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}
