/**
 * A fixed-layout page's text and the book's text (text.txt, what passages point into). The
 * importer keeps each page's text as a section of the book's HTML (`c<N>`, FixedPage.section), so
 * page N's part of text.txt starts where its section does. The page itself is drawn from its own
 * markup, whose text may differ a little from its section's (a heading the contents gave it, spaces),
 * so a passage is found on the page by its letters, as on a PDF's page (pdf/pdf-anchoring.ts):
 * the page's text nodes are its "text layer".
 */
import type { ArticleContent } from '../../../electron/shared/models';
import { fillPageStarts, textOffsetsOfIds } from '../pdf/pdf-anchoring';
import { pageTextLayer, type PageTextLayer } from '../pdf/pdf-text-layer';

/** Where each page's text starts in text.txt, page by page (page N at index N-1). */
export function fixedPageStarts(sections: readonly string[], content: Pick<ArticleContent, 'html' | 'text' | 'chapters'>): number[] {
  const wanted = new Set(sections);
  // A long book read in chapters says where each chapter is; otherwise its HTML is walked.
  const offsets = content.chapters
    ? new Map(content.chapters.filter((chapter) => wanted.has(chapter.anchor)).map((chapter) => [chapter.anchor, chapter.start]))
    : textOffsetsOfIds(content.html, (id) => wanted.has(id)).offsets;
  return fillPageStarts(
    sections.map((section) => offsets.get(section)),
    content.text.length,
  );
}

/** The text of a drawn page (its shadow root): every text node, in order. */
export function fixedPageLayer(page: number, root: Node): PageTextLayer {
  const nodes: Text[] = [];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return pageTextLayer(page, nodes);
}

/** The page (from 1) whose shadow root holds `node`, from its host's `data-page`, or null. */
export function fixedPageOf(node: Node): number | null {
  const root = node.getRootNode();
  const page = root instanceof ShadowRoot && root.host instanceof HTMLElement ? Number(root.host.dataset.page) : NaN;
  return Number.isInteger(page) && page > 0 ? page : null;
}
