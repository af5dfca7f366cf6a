/** Bookmarks and notes of one article as a Markdown document, each linking back to its passage. */
import type { Annotation, ArticleMeta } from '../../shared/models';
import { articleLink, inReadingOrder, passageLink } from './passage-link';

const blockquote = (text: string): string =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

/** Keeps a one-line value (title, byline) from starting a new Markdown block. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A web address as an autolink; a file name as code, so it can pass for neither a link nor a tag. */
function sourceOf(article: ArticleMeta): string {
  const source = article.url ?? article.source;
  if (!source) return 'unknown';
  if (/^https?:\/\/[^\s<>]+$/i.test(source)) return `<${source}>`;
  return `\`${oneLine(source).replace(/`/g, "'")}\``;
}

/** A YAML string that no title can break out of (JSON strings are valid YAML). */
const yamlString = (value: string): string => JSON.stringify(oneLine(value));

/** Obsidian (and most Markdown tools) read these as the note's properties. */
function frontMatter(article: ArticleMeta): string[] {
  const lines = ['---', `title: ${yamlString(article.title)}`];
  if (article.byline) lines.push(`author: ${yamlString(article.byline)}`);
  const source = article.url ?? article.source;
  if (source) lines.push(`source: ${yamlString(source)}`);
  lines.push(`quire: ${yamlString(articleLink(article.id))}`);
  if (article.tags.length > 0) lines.push('tags:', ...article.tags.map((tag) => `  - ${yamlString(tag)}`));
  lines.push('---', '');
  return lines;
}

const PLACEMENT_NOTE = {
  exact: null,
  fuzzy: 'placed approximately: the text changed since this was marked',
  unplaced: 'not found in the current text of the article',
} as const;

/**
 * The article's text as Markdown paragraphs: each line of text.txt a paragraph, with a leading
 * character that would start a heading, quote, list or rule escaped, so the text reads as written.
 */
const textAsParagraphs = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => [line.replace(/^([#>*+=_`~|-]|\d+[.)])/, '\\$1'), '']);

export function annotationsToMarkdown(article: ArticleMeta, annotations: readonly Annotation[]): string {
  return articleMarkdown(article, annotations, null);
}

/** The whole article as Markdown (bulk export): the same header, its text, then its bookmarks and notes. */
export function articleToMarkdown(article: ArticleMeta, text: string, annotations: readonly Annotation[]): string {
  return articleMarkdown(article, annotations, text);
}

function articleMarkdown(article: ArticleMeta, annotations: readonly Annotation[], text: string | null): string {
  const lines: string[] = [...frontMatter(article), `# ${oneLine(article.title)}`, ''];
  const about = [article.byline, article.siteName].filter((part): part is string => Boolean(part));
  if (about.length > 0) lines.push(oneLine(about.join(' · ')), '');
  lines.push(`Source: ${sourceOf(article)}  `, `In Quire: <${articleLink(article.id)}>`, '');
  if (text !== null) lines.push('## Text', '', ...textAsParagraphs(text));

  const ordered = inReadingOrder(annotations);
  if (ordered.length === 0) {
    if (text === null) lines.push('_No bookmarks or notes._', '');
    return lines.join('\n');
  }
  lines.push('## Bookmarks and notes', '');
  for (const annotation of ordered) {
    const label = annotation.kind === 'bookmark' ? 'Bookmark' : 'Note';
    if (annotation.target) {
      lines.push(blockquote(annotation.target.quote.exact), '');
    } else {
      lines.push('_On the whole article_', '');
    }
    if (annotation.note.trim() !== '') lines.push(annotation.note.trim(), '');
    const details = [label];
    if (annotation.color) details.push(`colour: ${annotation.color}`);
    const placement = annotation.target ? PLACEMENT_NOTE[annotation.anchorState] : null;
    if (placement) details.push(placement);
    details.push(`[open in Quire](${passageLink(annotation)})`);
    lines.push(details.join(' · '), '', '---', '');
  }
  return lines.join('\n');
}
