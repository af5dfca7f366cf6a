/**
 * `quire check`: every article folder, the trash, temp files of interrupted writes, and (given the
 * index folder) the search index, against each other. Reads only; `repairLibrary` applies the
 * repairs the problems carry.
 */
import path from 'node:path';
import { isStagingLeftover } from '../../fs/leftovers';
import { libraryManifestSchema } from '../file-schemas';
import { isValidId, LIBRARY_MANIFEST, LibraryPaths, REPLACED_PREFIX } from '../library-paths';
import { namesIn } from '../../fs/names-in';
import { checkArticle, leftoversIn } from './check-article';
import { checkIndex } from './check-index';
import { INDEX_WHERE, problemAt, type CheckedArticle, type CheckProblem, type CheckReport } from './check-types';
import { say } from '../../../shared/i18n/core-sentences';
import { readChecked } from './read-checked';

export interface CheckOptions {
  /** the search index folder; without it the index is not checked */
  indexDir?: string;
  /** also check that text.txt is the text of content.html (parses every article's HTML) */
  deep?: boolean;
  /** leave alone incomplete article folders changed within this many ms: a synchronizer is writing them (sync/arriving.ts); default 0 */
  arrivingWithinMs?: number;
}

/** Folders of the library root that hold files Quire writes atomically. */
const ROOT_FOLDERS_WITH_WRITES = ['', 'backups'];

export async function checkLibrary(root: string, options: CheckOptions = {}): Promise<CheckReport> {
  const paths = new LibraryPaths(root);
  const deep = options.deep ?? true;
  const problems: CheckProblem[] = await leftoversIn(root, '', ROOT_FOLDERS_WITH_WRITES);
  const manifest = await readChecked(paths.manifest, libraryManifestSchema);
  if (!manifest.ok && !manifest.missing) {
    const { state, field } = manifest;
    problems.push(
      problemAt(LIBRARY_MANIFEST, say('core.check.problem.manifestUnreadable', { file: LIBRARY_MANIFEST, state, field }), {
        kind: 'replace-manifest',
        path: paths.manifest,
      }),
    );
  }
  const arriving: string[] = [];
  const walk = { problems, arriving, arrivingWithinMs: options.arrivingWithinMs ?? 0 };
  const live = await checkFolders(paths.articlesDir, 'articles', deep, walk, (id) => paths.trashedDir(id));
  const trashed = await checkFolders(paths.trashDir, 'trash', false, walk, (id) => paths.articleDir(id));
  if (options.indexDir !== undefined) {
    // The index writes its files atomically too; a crash can leave their temp files behind.
    problems.push(...(await leftoversIn(options.indexDir, INDEX_WHERE, [''])));
    problems.push(...(await checkIndex(options.indexDir, live)));
  }
  return {
    problems,
    articles: live.length,
    annotations: live.reduce((sum, a) => sum + a.annotations.length, 0),
    trashed: trashed.length,
    arriving,
  };
}

/** Each `<id>` folder of `articles/` or `trash/`, and the staging folders of interrupted moves. */
interface Walk {
  problems: CheckProblem[];
  arriving: string[];
  arrivingWithinMs: number;
}

async function checkFolders(dir: string, where: string, deep: boolean, walk: Walk, twinOf: (id: string) => string): Promise<CheckedArticle[]> {
  const { problems } = walk;
  const names = (await namesIn(dir)).sort();
  const articles: CheckedArticle[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (where === 'articles' && name.startsWith(REPLACED_PREFIX) && isValidId(name.slice(REPLACED_PREFIX.length))) {
      const restores = !names.includes(name.slice(REPLACED_PREFIX.length));
      const sentence = say(restores ? 'core.check.problem.setAside' : 'core.check.problem.oldCopy');
      problems.push(problemAt(`${where}/${name}`, sentence, { kind: 'recover-swap', articlesDir: dir, restores }));
      continue;
    }
    if (isStagingLeftover(name)) {
      problems.push(problemAt(`${where}/${name}`, say('core.check.problem.staging'), { kind: 'remove-leftover', path: full }));
      continue;
    }
    if (!isValidId(name)) continue; // not Quire's: a user's or a sync tool's file, left alone
    const checked = await checkArticle(full, name, { deep, where: `${where}/${name}`, twinDir: twinOf(name), arrivingWithinMs: walk.arrivingWithinMs });
    problems.push(...checked.problems);
    if (checked.arriving) walk.arriving.push(`${where}/${name}`);
    if (checked.article) articles.push(checked.article);
  }
  return articles;
}
