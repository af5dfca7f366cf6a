/** Where each annotation sits in the text now, and the order the side panel lists them in. */
import type { Annotation } from '../../electron/shared/models';
import type { TextSpan } from './text-offsets';

export interface PlacedAnnotation {
  annotation: Annotation;
  /** null: a note on the whole article, or a passage that could not be found in the text */
  span: TextSpan | null;
  /** a passage whose text is no longer in the article */
  unplaced: boolean;
}

/**
 * Position first, then the exact quote (the core re-anchors on load; this guards the view
 * against offsets that no longer match). A passage that cannot be placed is kept, as unplaced.
 */
export function placeAnnotation(annotation: Annotation, text: string): PlacedAnnotation {
  const target = annotation.target;
  if (!target) return { annotation, span: null, unplaced: false };
  // The core could not place it in the current text: its offsets point at other words.
  if (annotation.anchorState === 'unplaced') return { annotation, span: null, unplaced: true };
  const { start, end } = target.position;
  const exact = target.quote.exact;
  if (start >= 0 && end > start && end <= text.length && (exact === '' || text.slice(start, end) === exact)) {
    return { annotation, span: { start, end }, unplaced: false };
  }
  const found = exact ? text.indexOf(exact) : -1;
  if (found >= 0) return { annotation, span: { start: found, end: found + exact.length }, unplaced: false };
  return { annotation, span: null, unplaced: true };
}

/** Whole-article notes first, then passages in text order, unplaced passages last. */
export function placeAnnotations(annotations: readonly Annotation[], text: string): PlacedAnnotation[] {
  const rank = (p: PlacedAnnotation) => (p.span ? 1 : p.unplaced ? 2 : 0);
  return annotations
    .map((annotation) => placeAnnotation(annotation, text))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.span?.start ?? 0) - (b.span?.start ?? 0) ||
        (a.span?.end ?? 0) - (b.span?.end ?? 0) ||
        a.annotation.createdAt.localeCompare(b.annotation.createdAt),
    );
}
