/**
 * What the reader shows: metadata, content and the article's annotations, three cached queries
 * (renderer/api/query-keys.ts). Opening an article seen before shows it at once; a write or
 * another process's change asks again while the shown version stays, so the reader stays
 * mounted and keeps its scroll.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Annotation, ArticleContent, ArticleMeta } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { articleKey, queryKeys } from '../api/query-keys';
import { coreSentenceText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';
import { readContent } from './read-content';

/** A long book whose text is still on its way: its chapters, with the HTML of those at the reading place. */
export interface OpeningBook {
  article: ArticleMeta;
  content: ArticleContent;
}

export type ReaderData =
  | { status: 'loading'; opening: OpeningBook | null }
  | { status: 'error'; message: string }
  | { status: 'ready'; article: ArticleMeta; content: ArticleContent; annotations: Annotation[] };

export function useReaderData(articleId: string): ReaderData {
  const api = useApi();
  const text = useText();
  const article = useQuery({
    queryKey: articleKey(queryKeys.articleMeta, articleId),
    queryFn: () => answerOf(api.getArticle(articleId)),
  });
  // What the core answered before a long book's text was read (read-content.ts), for this article.
  const [opening, setOpening] = useState<{ articleId: string; content: ArticleContent } | null>(null);
  const content = useQuery({
    queryKey: articleKey(queryKeys.articleContent, articleId),
    queryFn: () => answerOf(readContent(api, articleId, undefined, (first) => setOpening({ articleId, content: first }))),
  });
  const annotations = useQuery({
    queryKey: articleKey(queryKeys.articleAnnotations, articleId),
    queryFn: () => answerOf(api.listAnnotations(articleId)),
  });

  // A failed refresh too: the article went to the trash or its files went away meanwhile.
  const error = article.error ?? content.error ?? annotations.error;
  if (error) return { status: 'error', message: coreSentenceText(text, error) };
  if (article.data && content.data && annotations.data) {
    return { status: 'ready', article: article.data, content: content.data, annotations: annotations.data };
  }
  const openingBook = article.data && opening?.articleId === articleId && opening.content.chapters ? { article: article.data, content: opening.content } : null;
  return { status: 'loading', opening: openingBook };
}
