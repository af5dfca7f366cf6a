/**
 * The two directions of the text model (architecture.md, "Text model"): text.txt is exactly the
 * `textContent` of content.html as the importers normalized it, so it can be derived again; and
 * when content.html is lost, paragraphs built from text.txt keep that invariant (and every
 * passage offset) at the cost of the formatting.
 */
import { fragmentText } from '../../importers/fragment-text';
import type { StoredContent } from '../../importers/stored-content';
import { namesIn } from '../../fs/names-in';
import { articleFiles } from '../library-paths';

/** The importers' own check of the invariant (parse5, no jsdom): cheap enough for every article. */
export const textOfContent = (html: string): string => fragmentText(html);

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One `<p>` per line, "\n" between them: its textContent is `text` again, character for character. */
export const contentOfText = (text: string): string =>
  text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');

/** What the importers' sanitizer makes of an article folder's content.html (`html`, already read). */
export async function sanitizedContentOf(articleDir: string, html: string): Promise<StoredContent> {
  // Loaded only when asked: the sanitizer brings jsdom.
  const { sanitizeStoredContent } = await import('../../importers/stored-content');
  const assets = new Set((await namesIn(articleFiles(articleDir).assetsDir)).map((name) => `assets/${name}`));
  return sanitizeStoredContent(html, (asset) => assets.has(asset));
}
