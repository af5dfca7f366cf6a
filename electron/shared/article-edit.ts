/**
 * The rules of an edit of an article's title, author and tags, written once: the core refuses an
 * edit that breaks them (whatever host sent it) and the page checks its form by them before
 * sending, so both say the same sentence. Pure: no zod, no Node, no DOM.
 */
import { tagKey } from './article-query';
import { say, type CoreSentence } from './i18n/core-sentences';
import { MAX_TAG_LENGTH, normalizeLabel, tagProblemOf } from './labels';
import type { ArticleEdit } from './models';

export const MAX_TITLE_LENGTH = 500;
export const MAX_AUTHOR_LENGTH = 300;
export const MAX_TAGS = 100;

/** The edit as it will be kept, or the sentence (a catalog message) saying what is wrong with it. */
export type CheckedEdit = { ok: true; edit: ArticleEdit } | { ok: false; sentence: CoreSentence };

const refuse = (sentence: CoreSentence): CheckedEdit => ({ ok: false, sentence });

/** The tag as a refusal quotes it: long ones cut, since the sentence is about the tag, not its whole text. */
const quoted = (tag: string): string => (tag.length > 40 ? `${tag.slice(0, 40)}…` : tag);

/**
 * The edit as it will be kept (labels cleaned, blank tags dropped, each tag once whatever its
 * case, an empty author as none), or the sentence saying what is wrong with it.
 */
export function checkArticleEdit(edit: ArticleEdit): CheckedEdit {
  const checked: ArticleEdit = {};
  if (edit.title !== undefined) {
    const title = normalizeLabel(edit.title);
    if (title === '') return refuse(say('core.edit.titleEmpty'));
    if (title.length > MAX_TITLE_LENGTH) return refuse(say('core.edit.titleTooLong', { max: MAX_TITLE_LENGTH, length: title.length }));
    checked.title = title;
  }
  if (edit.byline !== undefined) {
    const author = normalizeLabel(edit.byline ?? '');
    if (author.length > MAX_AUTHOR_LENGTH) {
      return refuse(say('core.edit.authorTooLong', { max: MAX_AUTHOR_LENGTH, length: author.length }));
    }
    checked.byline = author === '' ? null : author;
  }
  if (edit.tags !== undefined) {
    const tags = new Map<string, string>();
    for (const tag of edit.tags.map(normalizeLabel).filter((tag) => tag !== '')) {
      const problem = tagProblemOf(tag);
      if (problem === 'empty') return refuse(say('core.edit.tagEmpty', { tag: quoted(tag) }));
      if (problem === 'too-long') return refuse(say('core.edit.tagTooLong', { tag: quoted(tag), max: MAX_TAG_LENGTH }));
      if (problem === 'control-characters') return refuse(say('core.edit.tagControl', { tag: quoted(tag) }));
      if (!tags.has(tagKey(tag))) tags.set(tagKey(tag), tag);
    }
    if (tags.size > MAX_TAGS) return refuse(say('core.edit.tooManyTags', { max: MAX_TAGS, count: tags.size }));
    checked.tags = [...tags.values()];
  }
  if (Object.keys(checked).length === 0) return refuse(say('core.edit.nothing'));
  return { ok: true, edit: checked };
}
