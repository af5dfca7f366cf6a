/**
 * Highlights drawn into the reader container: each span of text offsets is wrapped in `<mark>`
 * elements, one per Text node it crosses, so any markup around it stays valid. Wrapping never
 * changes the container's textContent, so offsets stay true while highlights are shown.
 */
import { indexTextNodes, type TextSpan } from './text-offsets';

/** Marks drawn by Quire carry this attribute, so they can be told from `<mark>` in articles. */
const DECORATION_ATTRIBUTE = 'data-quire-mark';

/** Parents in which a text node is only layout whitespace: wrapping it would break the markup. */
const NO_WRAP_PARENTS = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT']);

export interface HighlightSpec extends TextSpan {
  className: string;
  /** data-* attributes, e.g. { annotationId: '…' } */
  data?: Record<string, string>;
}

/** Removes every mark drawn by `drawHighlights`, leaving the article's own markup as it was. */
export function clearHighlights(root: HTMLElement): void {
  const marks = root.querySelectorAll(`mark[${DECORATION_ATTRIBUTE}]`);
  const parents = new Set<Node>();
  for (const mark of Array.from(marks)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  // Join the text nodes the marks had split, so later wrapping sees whole nodes again.
  for (const parent of parents) if (root.contains(parent)) parent.normalize();
}

/**
 * Wraps one span. Returns the marks created, in text order (the first is where to scroll and
 * focus). Spans wrapped later nest inside marks of earlier ones where they overlap.
 */
export function wrapSpan(root: HTMLElement, spec: HighlightSpec): HTMLElement[] {
  const { start, end } = spec;
  if (end <= start) return [];
  const doc = root.ownerDocument;
  const marks: HTMLElement[] = [];
  // Offsets are measured before any split: each node is handled on its own.
  for (const entry of indexTextNodes(root)) {
    const nodeStart = entry.start;
    const nodeEnd = nodeStart + entry.node.data.length;
    if (nodeEnd <= start || nodeStart >= end) continue;
    let node = entry.node;
    const parent = node.parentElement;
    if (!parent || (NO_WRAP_PARENTS.has(parent.tagName) && node.data.trim() === '')) continue;
    const localStart = Math.max(start, nodeStart) - nodeStart;
    const localEnd = Math.min(end, nodeEnd) - nodeStart;
    if (localStart > 0) node = node.splitText(localStart);
    if (localEnd - localStart < node.data.length) node.splitText(localEnd - localStart);
    const mark = doc.createElement('mark');
    mark.setAttribute(DECORATION_ATTRIBUTE, '');
    mark.className = spec.className;
    for (const [key, value] of Object.entries(spec.data ?? {})) mark.dataset[key] = value;
    node.parentNode!.insertBefore(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

/** A long book's chapter just put in place of its waiting text: its section and its range of the text. */
export interface ArrivedChapter {
  section: HTMLElement;
  start: number;
  end: number;
}

/**
 * Draws into a chapter that just arrived the parts of `specs` that fall in it (the marks drawn in
 * its waiting text left with it), leaving every other mark as it is: redrawing a whole book's
 * marks for each chapter took seconds with a thousand search matches. Returns, for each spec, its
 * marks now (those elsewhere kept, those in the chapter new), in text order.
 */
export function drawHighlightsIn(chapter: ArrivedChapter, specs: readonly HighlightSpec[], drawn: readonly HTMLElement[][]): HTMLElement[][] {
  return specs.map((spec, i) => {
    const kept = (drawn[i] ?? []).filter((mark) => mark.isConnected);
    if (spec.end <= chapter.start || spec.start >= chapter.end) return kept;
    const local = { ...spec, start: Math.max(spec.start, chapter.start) - chapter.start, end: Math.min(spec.end, chapter.end) - chapter.start };
    const added = wrapSpan(chapter.section, local);
    const before = kept.filter((mark) => mark.compareDocumentPosition(chapter.section) & Node.DOCUMENT_POSITION_FOLLOWING);
    return [...before, ...added, ...kept.filter((mark) => !before.includes(mark))];
  });
}

/** Clears the old highlights and draws `specs` in order. Returns the marks of each spec. */
export function drawHighlights(root: HTMLElement, specs: readonly HighlightSpec[]): HTMLElement[][] {
  clearHighlights(root);
  return specs.map((spec) => wrapSpan(root, spec));
}
