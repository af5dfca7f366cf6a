/**
 * Where everything lives inside a library folder (docs/design.md §2). The one place that knows the
 * layout (with the few names library-layout.ts holds for code that must load nothing else); ids
 * are checked before they become path segments so that no id can ever name a path outside.
 */
import path from 'node:path';
import { ID_PATTERN } from '../../shared/validators';
import { ANNOTATIONS_FOLDER, ARTICLE_META, ARTICLES_FOLDER } from './library-layout';

export const LIBRARY_MANIFEST = 'quire-library.json';
/** Staging folders of imports in progress: dot-prefixed so that listing never shows them. */
export const STAGING_PREFIX = '.tmp-';
/** An article folder moved aside while a new version of it is swapped in (folder-swap.ts). */
export const REPLACED_PREFIX = '.replaced-';

/** The only asset paths written: one generated name directly inside `assets/`. */
export const ASSET_PATH = /^assets\/[A-Za-z0-9][A-Za-z0-9_-]{0,100}(?:\.[A-Za-z0-9]{1,10})?$/;

// The schema's own pattern, tested directly: opening a library tests every folder name (10,000
// names through zod's safeParse took 9 ms of each command).
export const isValidId = (id: string): boolean => ID_PATTERN.test(id);

function checkedId(id: string): string {
  // Callers validate ids at the contract boundary; this is the last guard before the filesystem.
  if (!isValidId(id)) throw new Error(`refusing to build a path from an invalid id: ${JSON.stringify(id)}`);
  return id;
}

export class LibraryPaths {
  constructor(readonly root: string) {}

  get manifest(): string {
    return path.join(this.root, LIBRARY_MANIFEST);
  }
  get articlesDir(): string {
    return path.join(this.root, ARTICLES_FOLDER);
  }
  get trashDir(): string {
    return path.join(this.root, 'trash');
  }

  articleDir(id: string): string {
    return path.join(this.articlesDir, checkedId(id));
  }
  stagingDir(id: string): string {
    return path.join(this.articlesDir, `${STAGING_PREFIX}${checkedId(id)}`);
  }
  replacedDir(id: string): string {
    return path.join(this.articlesDir, `${REPLACED_PREFIX}${checkedId(id)}`);
  }
  trashedDir(id: string): string {
    return path.join(this.trashDir, checkedId(id));
  }
}

/** The article's metadata file in its folder. */
export const articleMetaFile = (dir: string): string => path.join(dir, ARTICLE_META);

/**
 * The metadata file of the article folder `name`, as `readdir(parentDir)` listed it. Joined by
 * hand: opening a library asks for one per article, and `path.join` (normalizing every time) was
 * a visible part of it; a name `readdir` gives is one segment already, never `.`, `..` or a path.
 */
export const articleMetaFileIn = (parentDir: string, name: string): string => `${parentDir}${path.sep}${name}${path.sep}${ARTICLE_META}`;

/** An article's folder of bookmarks and notes (alone: fingerprinting the library asks for one per article). */
export const articleAnnotationsDir = (dir: string): string => path.join(dir, ANNOTATIONS_FOLDER);

/** The files of one article, relative to its folder (the live one, a staging one or a trashed one). */
export const articleFiles = (dir: string) => ({
  meta: articleMetaFile(dir),
  content: path.join(dir, 'content.html'),
  /** a book's chapter index (chapter-index.ts); absent for articles read whole */
  chapters: path.join(dir, 'chapters.json'),
  text: path.join(dir, 'text.txt'),
  original: (ext: string) => path.join(dir, `original.${ext}`),
  assetsDir: path.join(dir, 'assets'),
  annotationsDir: articleAnnotationsDir(dir),
  annotation: (annotationId: string) => path.join(dir, 'annotations', `${checkedId(annotationId)}.json`),
});
