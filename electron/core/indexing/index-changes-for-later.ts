/**
 * The index of a library opened for some articles only (open-quire.ts's `onlyArticles`: `quire
 * show ID`, `quire tag ID`…). The index is never started: what it holds of the rest of the library
 * could not be checked without reading it, and starting it and loading its 17 MB (on 10,000
 * articles) was most of the time of a command that changes one article. The articles changed
 * meanwhile are listed in the index's in-step record for the next search to index
 * (in-step-reindex.ts): those the core changed (`refresh`), and those whose `article.json` or
 * `annotations/` folder is not as it was at open (a read state, which the index does not hold,
 * still rewrites the article.json whose stamps the record holds).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { SearchResults } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { ANNOTATIONS_FOLDER, ARTICLE_META } from '../library/library-layout';
import { isValidId } from '../library/library-paths';
import type { Log } from '../log';
import type { LibraryIndex } from './index-sync';
import { relaxInStepRecord } from './in-step-reindex';

/** The stamps of what the record stamps of an article, as one comparable string ('' when missing). */
function stampsOf(articleDir: string): string {
  const meta = statSync(path.join(articleDir, ARTICLE_META), { throwIfNoEntry: false });
  const folder = statSync(path.join(articleDir, ANNOTATIONS_FOLDER), { throwIfNoEntry: false });
  const stamp = (s: typeof meta): string => (s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : '');
  return `${stamp(meta)}|${stamp(folder)}`;
}

export class IndexChangesForLater implements LibraryIndex {
  private readonly changed = new Set<string>();
  private readonly atOpen: Map<string, string>;
  private closing: Promise<void> | null = null;

  /**
   * @param articles the articles the library was opened for
   * @param articleDir where an article's folder is
   */
  constructor(
    private readonly cacheDir: string,
    articles: readonly string[],
    private readonly articleDir: (id: string) => string,
    private readonly log: Log,
  ) {
    // An id that names no article folder was refused by the store's open, or is not here to change.
    this.atOpen = new Map(articles.filter(isValidId).map((id) => [id, stampsOf(articleDir(id))]));
  }

  refresh(articleId: string): void {
    if (this.closing === null) this.changed.add(articleId);
  }

  async whenIndexed(): Promise<void> {}

  async reindexedAtOpen(): Promise<number | null> {
    return null;
  }

  search(): Promise<SearchResults> {
    return Promise.reject(sentenceError('internal', say('core.error.searchUnavailable'), 'A library opened for some articles only has no index to search.'));
  }

  heldFingerprints(): null {
    return null;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const [id, stamps] of this.atOpen) if (stampsOf(this.articleDir(id)) !== stamps) this.changed.add(id);
      await relaxInStepRecord(this.cacheDir, this.changed, this.log);
    })();
    return this.closing;
  }
}
