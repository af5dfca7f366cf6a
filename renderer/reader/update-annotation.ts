/**
 * Changing a bookmark or note (recolour, edit its note): one call and one failure sentence for the
 * reader's side panel and the library-wide views, which differ only in how they update their lists.
 */
import type { Text } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import type { Annotation, UpdateAnnotationInput } from '../../electron/shared/models';
import type { useApi } from '../api/api-context';

/** The changed annotation, or null once the failure has been reported. */
export async function updateAnnotationReporting(
  api: ReturnType<typeof useApi>,
  reportError: (message: string) => void,
  annotation: Annotation,
  patch: UpdateAnnotationInput,
  text: Text,
): Promise<Annotation | null> {
  const result = await api.updateAnnotation(annotation.articleId, annotation.id, patch);
  if (!result.ok) {
    reportError(text('annotation.notChanged', { kind: annotation.kind, reason: coreSentenceText(text, result.error) }));
    return null;
  }
  return result.value;
}
