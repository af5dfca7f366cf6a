/**
 * What differs between a bookmark, note or article here and its copy in an archive, in the words a
 * report uses. Only what a person wrote or chose counts: an annotation's kind, note, colour and
 * passage; an article's title, tags and reading state. Dates alone, a passage placed again in other
 * text, or a scroll position are no reason to ask which version to keep.
 */
import type { Annotation, ArticleMeta } from '../../shared/models';

export function annotationDifferences(here: Annotation, archived: Annotation): string[] {
  const differences: string[] = [];
  if (here.kind !== archived.kind) differences.push('kind');
  if (here.note !== archived.note) differences.push('note');
  if (here.color !== archived.color) differences.push('colour');
  if ((here.target?.quote.exact ?? null) !== (archived.target?.quote.exact ?? null)) differences.push('passage');
  return differences;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((tag, i) => tag === y[i]);
}

export function articleDifferences(here: ArticleMeta, archived: ArticleMeta): string[] {
  const differences: string[] = [];
  if (here.title !== archived.title) differences.push('title');
  if (!sameTags(here.tags, archived.tags)) differences.push('tags');
  if (here.readState !== archived.readState) differences.push('reading state');
  return differences;
}

/**
 * The article here with the archive's title, tags and reading state (the files here stay). The
 * reading place comes along only when it points into the same text.
 */
export function withArchivedDetails(here: ArticleMeta, archived: ArticleMeta, now: string): ArticleMeta {
  const sameText = here.contentHash === archived.contentHash;
  return {
    ...here,
    title: archived.title,
    tags: [...archived.tags],
    readState: archived.readState,
    progress: sameText ? archived.progress : here.progress,
    position: sameText ? archived.position : here.position,
    updatedAt: now,
  };
}

/** "note", "note and colour", "kind, note and passage". */
export function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}
