/**
 * Paints the find matches of one open article: the matches (all, or with very many those near
 * the view, see find-paint-window.ts) and the current one, scrolled into view. Plain DOM work,
 * kept out of React so listeners (scroll, DOM changes) and effects share one state.
 */
import { canPaintHighlights, clearFindHighlights, paintCurrentMatch, paintMatches, scrollRangeIntoView } from './find-highlights';
import { matchesToPaint, PAINT_ALL_LIMIT } from './find-paint-window';
import { indexTextNodes, offsetsToRange, type TextNodeEntry, type TextSpan } from '../text-offsets';

export class FindPainter {
  private matches: readonly TextSpan[] = [];
  private current = -1;
  /** the article's text nodes, indexed once; dropped when the DOM changes under them */
  private textNodes: TextNodeEntry[] | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly scroller: HTMLElement,
  ) {}

  /** Only the matches near the view are painted, so scrolling must paint again. */
  get followsScrolling(): boolean {
    return this.matches.length > PAINT_ALL_LIMIT;
  }

  /** New matches or a move: scroll to the current match, then paint. */
  show(matches: readonly TextSpan[], current: number): void {
    const changed = matches !== this.matches;
    this.matches = matches;
    this.current = current;
    const range = this.rangeOf(matches[current]);
    // Scroll first, so the matches painted are those around where the view lands.
    if (range) scrollRangeIntoView(this.scroller, range);
    paintCurrentMatch(range);
    // Painting every match again is the costly part: only when they change or the view moved.
    if (changed || this.followsScrolling) this.paintMatches();
  }

  /** The view scrolled: paint the matches now near it. */
  paintMatches(): void {
    if (!canPaintHighlights()) return;
    const { from, to } = matchesToPaint(this.matches, this.scroller, this.root);
    const ranges: Range[] = [];
    for (let i = from; i < to; i++) {
      const range = this.rangeOf(this.matches[i]);
      if (range) ranges.push(range);
    }
    paintMatches(ranges);
  }

  /** The text nodes changed (bookmarks drawn as <mark>): ranges must be built again. */
  refresh(): void {
    this.textNodes = null;
    this.paintMatches();
    paintCurrentMatch(this.rangeOf(this.matches[this.current]));
  }

  clear(): void {
    clearFindHighlights();
  }

  private rangeOf(match: TextSpan | undefined): Range | null {
    if (!match) return null;
    this.textNodes ??= indexTextNodes(this.root);
    return offsetsToRange(this.root, match, this.textNodes);
  }
}
