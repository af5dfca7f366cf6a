/**
 * Saves where the reader is (progress and first visible character) while scrolling, at most
 * every SAVE_INTERVAL_MS and once more when the reader closes; restores it when it opens.
 */
import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useApi } from '../api/api-context';
import { articleKey, queryKeys } from '../api/query-keys';
import { useStatus } from '../app/status-context';
import { measureReadingProgress, scrollToTextOffset } from './reading-position';

const SAVE_INTERVAL_MS = 700;

interface ReadingPositionOptions {
  articleId: string;
  scroller: RefObject<HTMLElement | null>;
  container: RefObject<HTMLElement | null>;
  /** the saved position to scroll to, or null when the reader opens somewhere else (a search hit) */
  restoreTo: number | null;
}

export function useReadingPosition({ articleId, scroller, container, restoreTo }: ReadingPositionOptions) {
  const api = useApi();
  const client = useQueryClient();
  const { reportError } = useStatus();
  // The sentence in the language of the moment, without restarting the scroll tracking.
  const text = useText();
  const words = useRef(text);
  useEffect(() => {
    words.current = text;
  }, [text]);
  const flushRef = useRef<() => Promise<void>>(async () => {});

  // Only the first render restores; later renders keep the user's scroll.
  const initialPosition = useRef(restoreTo);
  useLayoutEffect(() => {
    const position = initialPosition.current;
    if (position && position > 0 && scroller.current && container.current) {
      scrollToTextOffset(scroller.current, container.current, position);
    }
  }, [container, scroller]);

  useLayoutEffect(() => {
    const element = scroller.current;
    const content = container.current;
    if (!element || !content) return;
    let pending = false;
    let timer: number | undefined;
    let lastSaved = '';
    let reported = false;

    const save = async () => {
      window.clearTimeout(timer);
      timer = undefined;
      if (!pending) return;
      pending = false;
      // Measured before any await: on close this runs while the DOM is still in place.
      const progress = measureReadingProgress(element, content);
      const key = `${progress.progress}:${progress.position}`;
      if (key === lastSaved) return;
      lastSaved = key;
      const result = await api.setProgress(articleId, progress);
      // The cached article keeps the new position: opened again, it opens here.
      if (result.ok) client.setQueryData(articleKey(queryKeys.articleMeta, articleId), result.value);
      if (!result.ok && !reported) {
        reported = true;
        reportError(words.current('reader.positionNotSaved', { reason: coreSentenceText(words.current, result.error) }));
      }
    };
    const onScroll = () => {
      pending = true;
      if (timer === undefined) timer = window.setTimeout(() => void save(), SAVE_INTERVAL_MS);
    };

    flushRef.current = save;
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      void save();
    };
  }, [api, client, articleId, container, scroller, reportError]);

  useEffect(() => () => {
    flushRef.current = async () => {};
  }, []);

  /** Saves a pending position now (before leaving the reader). */
  return { flush: () => flushRef.current() };
}
