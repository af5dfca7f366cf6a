/**
 * An article's content for the reader. A long book's text (millions of characters) is not carried
 * inside the answer: the core leaves it out (`textApart`) and the reader reads text.txt as one of
 * the article's files, as it reads its pictures, in a worker (text-file-worker.ts). Encoded into
 * the answer it cost the host most of a second for a million words, and the page a long task to
 * decode; as a file it is sent as it is on disk, and decoded off the page's thread. The text read
 * must be as long as the core said: a file changed in between, or one that cannot be read, gets
 * the whole content asked for again, text included.
 */
import type { ReaderApi } from '../../electron/shared/contract';
import type { ArticleContent } from '../../electron/shared/models';
import { ok, type Result } from '../../electron/shared/result';
import { assetUrl } from '../api/api-client';

/** Reads the file at `url` in a worker; null when it cannot be read there. */
function readInWorker(url: string): Promise<string | null> {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./text-file-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    const done = (text: string | null) => {
      worker.terminate();
      resolve(text);
    };
    worker.onmessage = (event: MessageEvent<unknown>) => done(typeof event.data === 'string' ? event.data : null);
    worker.onerror = () => done(null);
    worker.postMessage(url);
  });
}

/** The article's file text.txt (in a worker, else here), or null when it cannot be read. */
async function readTextFile(articleId: string): Promise<string | null> {
  const url = new URL(assetUrl(articleId, 'text.txt'), window.location.href).href;
  const text = await readInWorker(url);
  if (text !== null) return text;
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

export async function readContent(
  api: ReaderApi,
  articleId: string,
  readText: (articleId: string) => Promise<string | null> = readTextFile,
  onOpening?: (opening: ArticleContent) => void,
): Promise<Result<ArticleContent>> {
  const answer = await api.getContent(articleId, { textApart: true });
  if (!answer.ok || answer.value.textApart === undefined) return answer;
  onOpening?.(answer.value);
  const { textApart, ...content } = answer.value;
  const text = await readText(articleId);
  if (text !== null && text.length === textApart.length) return ok({ ...content, text });
  return api.getContent(articleId);
}
