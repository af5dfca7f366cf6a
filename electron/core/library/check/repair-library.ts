/**
 * Applies the file repairs a check found, one line per action ("removed …", "rebuilt …",
 * "moved … to quarantine/…"). Re-indexing is not done here: the library does it when it opens
 * (the index reconciles with the files), so callers reopen the library after repairing.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../../fs/atomic-write';
import { reanchorAnnotation } from '../../annotations/reanchor';
import { withCleanLabels } from '../clean-labels';
import { withIsoDates } from '../iso-dates';
import { annotationSchema, articleMetaSchema } from '../file-schemas';
import { withArticleLock } from '../library-locks';
import { articleFiles } from '../library-paths';
import { recoverSwaps } from '../folder-swap';
import { replaceBrokenManifest } from '../library-manifest';
import type { CheckProblem, QuarantineCause, Repair } from './check-types';
import { namesIn } from '../../fs/names-in';
import { contentOfText, sanitizedContentOf, textOfContent } from './derive-text';
import { quarantine } from './quarantine';
import { joinSplitArticle } from '../sync/join-split-article';
import { resolveConflictCopy, settledSentence } from '../sync/resolve-conflicts';
import { readChecked, readTextIfPresent } from './read-checked';
import { say, type CoreSentence } from '../../../shared/i18n/core-sentences';
import { englishSentence } from '../../../shared/i18n/english-sentence';

export interface RepairOutcome {
  /** one line per action, in the order done (English, from the sentence beside it) */
  actions: string[];
  /** the same actions as sentences, in the same order, for the interface language */
  sentences: CoreSentence[];
  /** repairs that failed, with why (English, with the error's own words: for `quire check` and the log) */
  failures: string[];
  /** the same failures as sentences naming where (the why stays in the log: it is the system's English) */
  failureSentences: CoreSentence[];
  /** live articles whose text or annotations changed: their index entries must be rebuilt */
  touched: string[];
}

/** The live article a problem is in, if any (`articles/<id>/…`). */
const liveArticleOf = (where: string): string | null => /^articles\/([a-z0-9][a-z0-9-]{2,63})(?:\/|$)/.exec(where)?.[1] ?? null;

/** Applies every file repair of `problems` (not `reindex`); never throws for one failed repair. */
export async function repairLibrary(root: string, problems: readonly CheckProblem[], now: () => string): Promise<RepairOutcome> {
  const sentences: CoreSentence[] = [];
  const failures: string[] = [];
  const failureSentences: CoreSentence[] = [];
  const touched = new Set<string>();
  for (const problem of problems) {
    const { repair } = problem;
    if (repair === null || repair.kind === 'reindex') continue;
    try {
      sentences.push(await apply(root, repair, problem.where, now));
      // A part joined to its whole changes the whole (in the library, when it was the trash's part).
      const article = liveArticleOf(repair.kind === 'join-split-article' ? path.relative(root, repair.whole).split(path.sep).join('/') : problem.where);
      if (article !== null && repair.kind !== 'remove-leftover') touched.add(article);
    } catch (error) {
      failures.push(`could not repair ${problem.where}: ${error instanceof Error ? error.message : String(error)}`);
      failureSentences.push(say('core.check.couldNotRepair', { where: problem.where }));
    }
  }
  return { actions: sentences.map(englishSentence), sentences, failures, failureSentences, touched: [...touched] };
}

async function apply(root: string, repair: Exclude<Repair, { kind: 'reindex' }>, where: string, now: () => string): Promise<CoreSentence> {
  switch (repair.kind) {
    case 'remove-leftover':
      await rm(repair.path, { recursive: true, force: true });
      return say('core.check.removedLeftover', { where });
    case 'recover-swap':
      // The article store's own recovery: it puts back or drops every set-aside folder at once.
      await recoverSwaps(repair.articlesDir);
      return say(repair.restores ? 'core.check.restoredSwap' : 'core.check.removedOldCopy', { where });
    case 'replace-manifest': {
      const kept = await replaceBrokenManifest(repair.path, now());
      return say('core.check.replacedManifest', { where, kept: path.basename(kept) });
    }
    case 'quarantine': {
      const moved = await quarantine(root, repair.path, repair.reason, now());
      return say('core.check.quarantined', { where, moved, ...quarantineValues(repair.why) });
    }
    case 'rederive-text': {
      const files = articleFiles(repair.dir);
      const html = await readTextIfPresent(files.content);
      if (html === null) throw new Error('content.html is missing');
      const replaced = await rewriteText(repair.dir, textOfContent(html));
      return say('core.check.rebuiltText', { where, reanchored: replaced });
    }
    case 'sanitize-content': {
      const files = articleFiles(repair.dir);
      const html = await readTextIfPresent(files.content);
      if (html === null) throw new Error('content.html is missing');
      const clean = await sanitizedContentOf(repair.dir, html);
      await writeFileAtomic(files.content, clean.html);
      const replaced = await rewriteText(repair.dir, clean.text);
      return say('core.check.sanitized', { where, reanchored: replaced });
    }
    case 'merge-conflict-copy': {
      // Under the article's lock, as every article.json change is: a running Quire may be writing it.
      const done = await withArticleLock(root, repair.articleId, () => resolveConflictCopy(root, repair.articleDir, repair, now()));
      return settledSentence(where, done);
    }
    case 'join-split-article': {
      const moved = await joinSplitArticle(root, repair.part, repair.whole, now());
      const whole = path.relative(root, repair.whole).split(path.sep).join('/');
      return say('core.check.joined', { where, whole, moved });
    }
    case 'clean-labels': {
      // Under the article's lock and from the file as it is now: a running Quire may be writing it.
      await withArticleLock(root, repair.articleId, async () => {
        const file = articleFiles(repair.dir).meta;
        const read = await readChecked(file, articleMetaSchema);
        if (!read.ok) throw new Error(`article.json ${read.reason}`);
        await writeJsonAtomic(file, withCleanLabels(read.value));
      });
      return say('core.check.cleaned', { where });
    }
    case 'date-annotation': {
      const read = await readChecked(repair.path, annotationSchema);
      if (!read.ok) throw new Error(`${path.basename(repair.path)} ${read.reason}`);
      await writeJsonAtomic(repair.path, withIsoDates(read.value, now()));
      return say('core.check.dated', { where, date: now() });
    }
    case 'rebuild-content': {
      const files = articleFiles(repair.dir);
      const text = await readTextIfPresent(files.text);
      if (text === null) throw new Error('text.txt is missing');
      await writeFileAtomic(files.content, contentOfText(text));
      return say('core.check.rebuiltContent', { where });
    }
  }
}

/** The values the quarantine line chooses its words by: every one given, '' where the cause has none. */
const quarantineValues = (why: QuarantineCause): { cause: string; file: string; state: string; field: string } => ({
  cause: why.cause,
  file: 'file' in why ? why.file : '',
  state: 'state' in why ? why.state : '',
  field: 'field' in why ? why.field : '',
});

/**
 * Writes text.txt, then places every passage again in it (as replacing an article's text does),
 * so no bookmark points at the wrong words. Returns how many annotations moved.
 */
async function rewriteText(dir: string, text: string): Promise<number> {
  const files = articleFiles(dir);
  await writeFileAtomic(files.text, text);
  let moved = 0;
  for (const name of (await namesIn(files.annotationsDir)).filter((n) => n.endsWith('.json'))) {
    const file = path.join(files.annotationsDir, name);
    const read = await readChecked(file, annotationSchema);
    if (!read.ok || read.value.target === null) continue;
    const placed = reanchorAnnotation(text, read.value);
    if (JSON.stringify(placed) === JSON.stringify(read.value)) continue;
    await writeJsonAtomic(file, placed);
    moved += 1;
  }
  return moved;
}
