/**
 * Markdown, rendered by markdown-it. Raw HTML is rendered as GitHub renders it (READMEs are full
 * of it) and then goes through the same DOMPurify sanitizer as any web page, so no script,
 * handler or dangerous URL survives (plain output without jsdom, sanitize-html.ts's `sanitizeToRoot`).
 * Title: `title:` of a YAML front matter block (which also gives author and tags), else the first
 * level-1 heading (Markdown or HTML; removed from the body, since the reader shows the title above
 * the text; also when it repeats the front matter's title), else the file name.
 */
import MarkdownIt from 'markdown-it';
import { decodeText } from './decode-text';
import { splitFrontMatter } from './front-matter';
import { cleanLine, type ImportedDocument, localDocument, titleFromFileName } from './imported-document';
import { normalizeReaderHtml } from './normalize-html';
import { sanitizeToRoot } from './sanitize-html';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** @param plainPath whether plain output is sanitized without jsdom; off only to compare the two paths */
export function importMarkdown(fileName: string, bytes: Uint8Array, { plainPath = true }: { plainPath?: boolean } = {}): ImportedDocument {
  const frontMatter = splitFrontMatter(decodeText(bytes));
  const env = {};
  const tokens = markdown.parse(frontMatter.body, env);

  let title = frontMatter.title;
  const open = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const inline = open >= 0 ? tokens[open + 1] : undefined;
  if (inline?.type === 'inline') {
    const rendered = markdown.renderer.renderInline(inline.children ?? [], markdown.options, env);
    const heading = cleanLine(sanitizeToRoot(rendered, {}, { plainPath }).root.textContent);
    // The heading is the title: the reader shows the title above the text, so it goes from the body.
    if (heading !== null && (title === null || heading === title)) {
      title = heading;
      tokens.splice(open, 3); // heading_open, inline, heading_close
    }
  }

  const { root, innerHtml } = sanitizeToRoot(markdown.renderer.render(tokens, markdown.options, env), {}, { plainPath });
  if (title === null) {
    // A README that opens with an HTML block (`<h1 align="center">Zod</h1>`) is titled by it.
    const htmlHeading = root.querySelector('h1');
    title = cleanLine(htmlHeading?.textContent);
    if (title !== null) htmlHeading?.remove();
  }
  return localDocument(normalizeReaderHtml(root, innerHtml), {
    title: title ?? titleFromFileName(fileName),
    byline: frontMatter.author,
    tags: frontMatter.tags,
  });
}
