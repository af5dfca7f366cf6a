/**
 * The rules of an edit of an article's title, author and tags, written once: the core refuses an
 * edit that breaks them (whatever host sent it) and the page checks its form by them before
 * sending, so both say the same sentence. Pure: no zod, no Node, no DOM.
 */
import { tagKey } from './article-query';
import { normalizeLabel, tagProblem } from './labels';
import type { ArticleEdit } from './models';

export const MAX_TITLE_LENGTH = 500;
export const MAX_AUTHOR_LENGTH = 300;
export const MAX_TAGS = 100;

export type CheckedEdit = { ok: true; edit: ArticleEdit } | { ok: false; message: string };

const refuse = (message: string): CheckedEdit => ({ ok: false, message });

const tooLong = (what: string, max: number, length: number): string =>
  `${what} can be at most ${max.toLocaleString('en')} characters long; this one has ${length.toLocaleString('en')}.`;

/**
 * The edit as it will be kept (labels cleaned, blank tags dropped, each tag once whatever its
 * case, an empty author as none), or the sentence saying what is wrong with it.
 */
export function checkArticleEdit(edit: ArticleEdit): CheckedEdit {
  const checked: ArticleEdit = {};
  if (edit.title !== undefined) {
    const title = normalizeLabel(edit.title);
    if (title === '') return refuse('A title cannot be empty.');
    if (title.length > MAX_TITLE_LENGTH) return refuse(tooLong('A title', MAX_TITLE_LENGTH, title.length));
    checked.title = title;
  }
  if (edit.byline !== undefined) {
    const author = normalizeLabel(edit.byline ?? '');
    if (author.length > MAX_AUTHOR_LENGTH) return refuse(tooLong("An author's name", MAX_AUTHOR_LENGTH, author.length));
    checked.byline = author === '' ? null : author;
  }
  if (edit.tags !== undefined) {
    const tags = new Map<string, string>();
    for (const tag of edit.tags.map(normalizeLabel).filter((tag) => tag !== '')) {
      const problem = tagProblem(tag);
      if (problem !== null) return refuse(`“${tag.length > 40 ? `${tag.slice(0, 40)}…` : tag}” ${problem}.`);
      if (!tags.has(tagKey(tag))) tags.set(tagKey(tag), tag);
    }
    if (tags.size > MAX_TAGS) return refuse(`An article can have at most ${MAX_TAGS} tags; this edit gives it ${tags.size}.`);
    checked.tags = [...tags.values()];
  }
  if (Object.keys(checked).length === 0) return refuse('Nothing to change: give a title, an author or tags.');
  return { ok: true, edit: checked };
}
