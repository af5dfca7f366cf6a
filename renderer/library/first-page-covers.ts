/**
 * A PDF's cover is its first page. The core cannot draw one (pdf.js needs a canvas, which Node
 * has only through native modules), so the page draws it the first time a card needs it: page 1
 * of `original.pdf` to a small WebP (or PNG, where the browser writes no WebP), which the core
 * checks and stores as the article's cover (`setFirstPageCover`). From then on every window, host
 * and start shows it as any other cover. One PDF is drawn at a time, each article at most once
 * per page load: a damaged, password-protected or missing file leaves the card's letter, and is
 * not tried again until the page is loaded again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReaderApi } from '../../electron/shared/contract';
import { FIRST_PAGE_COVER_WIDTH, MAX_FIRST_PAGE_COVER_BYTES, MAX_FIRST_PAGE_COVER_SIDE } from '../../electron/shared/first-page-cover';
import type { ArticleMeta } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/query-keys';
import { openOriginalPdf } from '../reader/pdf/load-pdfjs';
import { readFileBase64 } from './read-file-base64';

/** Articles whose cover was asked for in this page load, drawn or not: none is asked for twice. */
const asked = new Set<string>();
/** The drawings, one after another: each holds a parsed PDF and a canvas while it runs. */
let queue: Promise<unknown> = Promise.resolve();

const canvasBlob = (canvas: HTMLCanvasElement, type: string): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, type, 0.82));

/** Page 1 of the article's PDF as a picture within the core's bounds; null when there is no such page to draw. */
async function drawFirstPage(articleId: string): Promise<Blob | null> {
  const task = await openOriginalPdf(articleId);
  if (!task) return null;
  try {
    const page = await (await task.promise).getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(FIRST_PAGE_COVER_WIDTH / natural.width, MAX_FIRST_PAGE_COVER_SIDE / natural.height);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width));
    canvas.height = Math.max(1, Math.floor(viewport.height));
    const canvasContext = canvas.getContext('2d');
    if (!canvasContext) return null;
    // Given a context, pdf.js draws on this thread into this canvas (not on the page view's
    // offscreen one), so the picture can be read back.
    await page.render({ canvas, canvasContext, viewport, background: 'white' }).promise;
    const picture = await canvasBlob(canvas, 'image/webp');
    return picture && picture.size <= MAX_FIRST_PAGE_COVER_BYTES ? picture : null;
  } finally {
    void task.destroy();
  }
}

/** Draws and stores the cover; the article as the core then has it, or null when none was stored. */
async function storeFirstPage(api: ReaderApi, articleId: string): Promise<ArticleMeta | null> {
  const picture = await drawFirstPage(articleId).catch(() => null);
  if (!picture) return null;
  const stored = await api.setFirstPageCover(articleId, await readFileBase64(picture));
  return stored.ok ? stored.value : null;
}

/** Gives a PDF without a cover its first page as one, once its card is shown; the list follows the answer. */
export function useFirstPageCover(article: ArticleMeta): void {
  const api = useApi();
  const client = useQueryClient();
  const wanted = article.format === 'pdf' && !article.cover;
  const { id } = article;
  useEffect(() => {
    if (!wanted || asked.has(id)) return;
    asked.add(id);
    const drawn = queue.then(() => storeFirstPage(api, id));
    queue = drawn.catch(() => null);
    void drawn.then(
      (stored) => {
        if (!stored?.cover) return;
        client.setQueryData<ArticleMeta[]>(queryKeys.articles, (articles) => articles?.map((a) => (a.id === id ? stored : a)));
      },
      () => undefined,
    );
  }, [api, client, id, wanted]);
}
