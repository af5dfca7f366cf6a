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

export function annotationsToMarkdown(article: ArticleMeta, annotations: readonly Annotation[]): string {
  const lines: string[] = [`# ${oneLine(article.title)}`, ''];
  const about = [article.byline, article.siteName].filter((part): part is string => Boolean(part));
  if (about.length > 0) lines.push(oneLine(about.join(' · ')), '');
  lines.push(`Source: ${sourceOf(article)}  `, `In Quire: <${articleLink(article.id)}>`, '');

  const ordered = inReadingOrder(annotations);
  if (ordered.length === 0) {
    lines.push('_No bookmarks or notes._', '');
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
    details.push(`[open in Quire](${passageLink(annotation)})`);
    lines.push(details.join(' · '), '', '---', '');
  }
  return lines.join('\n');
}
