/**
 * The search worker (bundled to out/worker/search-worker.js): one SearchEngine, fed by the
 * messages of worker-protocol.ts, one request at a time so that a search always sees every change
 * sent before it. Building and querying Lunr here keeps the main thread responsive (docs/research/lunr.md §D1).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isQuireError } from '../../shared/result';
import type { QuireErrorInfo } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { SearchEngine } from './engine';
import {
  isSearchWorkerRequest,
  type SearchWorkerData,
  type SearchWorkerRequest,
  type SearchWorkerResponse,
} from './worker-protocol';

function isWorkerData(value: unknown): value is SearchWorkerData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { indexDir?: unknown }).indexDir === 'string' &&
    typeof (value as { libraryDir?: unknown }).libraryDir === 'string'
  );
}

function errorInfo(error: unknown): QuireErrorInfo {
  if (isQuireError(error)) return { code: error.code, message: error.message, sentence: error.sentence };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), sentence: say('core.error.searchUnavailable') };
}

async function handle(engine: SearchEngine, request: SearchWorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'open':
      return engine.open(request.payload.current);
    case 'replaceArticles':
      await engine.replaceArticles(request.payload.entries);
      return null;
    case 'removeArticle':
      await engine.removeArticle(request.payload.articleId);
      return null;
    case 'search':
      return engine.results(request.payload.query, request.payload.options, request.payload.context);
    case 'flush':
      await engine.flush();
      return null;
    case 'close':
      await engine.close();
      return null;
  }
}

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('search-worker must run as a worker thread');
  if (!isWorkerData(workerData)) throw new Error('search-worker needs { indexDir, libraryDir }');
  const engine = new SearchEngine({ indexDir: workerData.indexDir, libraryDir: workerData.libraryDir });

  // The index is read while the host lists the library's fingerprints for `open` (a cold
  // `quire search` otherwise waits for one, then the other); requests queue behind it.
  let queue: Promise<void> = engine.preload();
  port.on('message', (message: unknown) => {
    if (!isSearchWorkerRequest(message)) {
      const id = typeof (message as { id?: unknown } | null)?.id === 'number' ? (message as { id: number }).id : -1;
      const response: SearchWorkerResponse = {
        id,
        ok: false,
        error: { code: 'internal', message: 'malformed search worker request', sentence: say('core.error.searchUnavailable') },
      };
      port.postMessage(response);
      return;
    }
    queue = queue.then(async () => {
      let response: SearchWorkerResponse;
      try {
        response = { id: message.id, ok: true, value: await handle(engine, message) };
      } catch (error) {
        response = { id: message.id, ok: false, error: errorInfo(error) };
      }
      port.postMessage(response);
    });
  });
}

main();
