/**
 * Two versions of one bookmark or note (same id): the one edited last wins whole, a tie going to
 * the greater JSON so both machines pick the same. A bookmark is one file, and only deleting that
 * file deletes it, so an edit never deletes anything.
 */
import type { Annotation } from '../../../shared/models';

export function mergeAnnotation(a: Annotation, b: Annotation): Annotation {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
