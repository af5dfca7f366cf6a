/**
 * Markdown, rendered by markdown-it. Raw HTML is rendered as GitHub renders it (READMEs are full
 * of it) and then goes through the same DOMPurify sanitizer as any web page, so no script,
 * handler or dangerous URL survives.
 * Title: `title:` of a front matter block, else the first level-1 heading (Markdown or HTML;
 * removed from the body, since the reader shows the title above the text; also when it repeats the
 * front matter's title), else the file name.
 */
import MarkdownIt from 'markdown-it';
import { decodeText } from './decode-text';
import { cleanLine, excerptOf, guessDirection, type ImportedDocument, titleFromFileName } from './imported-document';
import { normalizeReaderHtml } from './normalize-html';
import { sanitizeToElement } from './sanitize-html';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

interface FrontMatter {
  title: string | null;
  author: string | null;
  body: string;
}

/** A simple `---` block of `key: value` lines at the very top (the common subset of YAML). */
function splitFrontMatter(source: string): FrontMatter {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { title: null, author: null, body: source };
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const field = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (field) fields.set(field[1]!.toLowerCase(), unquote(field[2] ?? ''));
  }
  return {
    title: cleanLine(fields.get('title')),
    author: cleanLine(fields.get('author')),
    body: source.slice(match[0].length),
  };
}

const unquote = (value: string): string => {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '') : trimmed;
};

export function importMarkdown(fileName: string, bytes: Uint8Array): ImportedDocument {
  const frontMatter = splitFrontMatter(decodeText(bytes));
  const env = {};
  const tokens = markdown.parse(frontMatter.body, env);

  let title = frontMatter.title;
  const open = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const inline = open >= 0 ? tokens[open + 1] : undefined;
  if (inline?.type === 'inline') {
    const rendered = markdown.renderer.renderInline(inline.children ?? [], markdown.options, env);
    const heading = cleanLine(sanitizeToElement(rendered).textContent);
    // The heading is the title: the reader shows the title above the text, so it goes from the body.
    if (heading !== null && (title === null || heading === title)) {
      title = heading;
      tokens.splice(open, 3); // heading_open, inline, heading_close
    }
  }

  const root = sanitizeToElement(markdown.renderer.render(tokens, markdown.options, env));
  if (title === null) {
    // A README that opens with an HTML block (`<h1 align="center">Zod</h1>`) is titled by it.
    const htmlHeading = root.querySelector('h1');
    title = cleanLine(htmlHeading?.textContent);
    if (title !== null) htmlHeading?.remove();
  }
  const { html, text } = normalizeReaderHtml(root);
  return {
    title: title ?? titleFromFileName(fileName),
    byline: frontMatter.author,
    siteName: null,
    lang: null,
    dir: guessDirection(text),
    publishedAt: null,
    excerpt: excerptOf(text),
    url: null,
    html,
    text,
  };
}
