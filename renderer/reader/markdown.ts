/**
 * Notes are Markdown. They are rendered with raw HTML disabled (so a note can hold no tag the
 * renderer did not make), no images (nothing is fetched) and no inline styles (the CSP forbids
 * them); markdown-it's own link validation refuses javascript: and similar URLs.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: true });
markdown.disable(['image']);
// Table alignment is written as style="text-align: …", which the CSP would refuse.
markdown.core.ruler.push('quire-strip-style', (state) => {
  for (const token of state.tokens) {
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
  }
});

export function renderNoteMarkdown(source: string): string {
  return markdown.render(source);
}
