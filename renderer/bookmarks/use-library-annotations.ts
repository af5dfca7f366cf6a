/**
 * Every bookmark and note of the library with the articles they belong to, for the library-wide
 * Bookmarks and Notes views: loaded once, then kept in step with each change made here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Annotation, ArticleMeta, UpdateAnnotationInput } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';
import { deleteAnnotationWithUndo } from '../reader/delete-annotation';
import { updateAnnotationReporting } from '../reader/update-annotation';

export interface LibraryAnnotations {
  /** null while loading */
  annotations: Annotation[] | null;
  articles: Map<string, ArticleMeta>;
  error: string | null;
  update(annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null>;
  remove(annotation: Annotation): Promise<boolean>;
  add(annotation: Annotation): void;
  /** lists everything again (after an import of annotations) */
  reload(): void;
}

export function useLibraryAnnotations(): LibraryAnnotations {
  const api = useApi();
  const { notify, reportError } = useStatus();
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const [articles, setArticles] = useState<Map<string, ArticleMeta>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([api.listAllAnnotations(), api.listArticles()]).then(([listed, library]) => {
      if (!live) return;
      if (!listed.ok || !library.ok) {
        setError((listed.ok ? null : listed.error.message) ?? (library.ok ? null : library.error.message));
        setAnnotations([]);
        return;
      }
      setArticles(new Map(library.value.map((article) => [article.id, article])));
      setAnnotations(listed.value);
    });
    return () => {
      live = false;
    };
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const replace = (changed: Annotation) =>
    setAnnotations((current) => current && current.map((a) => (a.id === changed.id && a.articleId === changed.articleId ? changed : a)));

  const update = useCallback(
    async (annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null> => {
      const changed = await updateAnnotationReporting(api, reportError, annotation, patch);
      if (changed) replace(changed);
      return changed;
    },
    [api, reportError],
  );

  const add = useCallback((annotation: Annotation) => {
    setAnnotations((current) => [...(current ?? []).filter((a) => a.id !== annotation.id), annotation]);
  }, []);

  const remove = useCallback(
    (annotation: Annotation): Promise<boolean> =>
      deleteAnnotationWithUndo(api, { notify, reportError }, annotation, {
        removed: (gone) => setAnnotations((current) => current && current.filter((a) => a.id !== gone.id)),
        restored: add,
      }),
    [api, add, notify, reportError],
  );

  return { annotations, articles, error, update, remove, add, reload };
}
