/**
 * The SearchIndex the rest of the core uses: a thin client of the search worker
 * (out/worker/search-worker.js). Every method is one request; a worker that dies rejects what was
 * pending with an 'internal' error, and the next call starts a fresh one.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SearchOptions, SearchResults } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import type { ArticleFingerprint, SearchContext, SearchDocument, SearchIndex, SearchIndexOptions } from './search-index';
import {
  isSearchWorkerResponse,
  type SearchWorkerData,
  type SearchWorkerMethods,
  type SearchWorkerRequest,
  type SearchWorkerRequestType,
} from './worker-protocol';
import { bundledWorkerPath } from '../app-root';
import { SEARCH_WORKER_RESOURCE_LIMITS } from './worker-limits';

/**
 * The search worker failed: the page says search is unavailable, the CLI and the log what happened
 * (the detail is the English, so the English catalog and its formatter are not loaded here: this
 * module is on the way to the worker's start, early-search.ts).
 */
const searchFailure = (detail: string): QuireError => new QuireError('internal', detail, say('core.error.searchUnavailable'));

/** The bundled worker (out/worker/search-worker.js), or QUIRE_SEARCH_WORKER when set. */
export const resolveSearchWorkerPath = (): string => bundledWorkerPath('search-worker.js', 'QUIRE_SEARCH_WORKER');

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

class WorkerSearchIndex implements SearchIndex {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private closed = false;
  /** the last error the worker threw, to explain its exit */
  private workerError: Error | null = null;
  /**
   * The fingerprints the worker has been told about, so a restarted worker can be reconciled
   * (articles removed meanwhile are dropped). Null until `open`.
   */
  private known: Map<string, string> | null = null;

  constructor(private readonly options: SearchIndexOptions) {
    try {
      this.ensureWorker();
    } catch {
      // Reported by the first call, which tries again.
    }
  }

  async open(current: ArticleFingerprint[]): Promise<string[]> {
    this.known = new Map(current.map((entry) => [entry.articleId, entry.fingerprint]));
    return this.call('open', { current });
  }

  async replaceArticle(fingerprint: ArticleFingerprint, documents: SearchDocument[]): Promise<void> {
    await this.replaceArticles([{ fingerprint, documents }]);
  }

  async replaceArticles(
    entries: { fingerprint: ArticleFingerprint; documents: SearchDocument[] }[],
  ): Promise<void> {
    for (const { fingerprint } of entries) this.known?.set(fingerprint.articleId, fingerprint.fingerprint);
    await this.call('replaceArticles', { entries });
  }

  async removeArticle(articleId: string): Promise<void> {
    this.known?.delete(articleId);
    await this.call('removeArticle', { articleId });
  }

  search(query: string, options: SearchOptions = {}, context: SearchContext = {}): Promise<SearchResults> {
    return this.call('search', { query, options, context });
  }

  async flush(): Promise<void> {
    await this.call('flush', null);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      // Lets the worker write what is pending before it is stopped.
      if (this.worker !== null) await this.call('close', null);
    } finally {
      this.closed = true;
      const worker = this.worker;
      this.worker = null;
      await worker?.terminate();
    }
  }

  private call<T extends SearchWorkerRequestType>(
    type: T,
    payload: SearchWorkerMethods[T]['payload'],
  ): Promise<SearchWorkerMethods[T]['result']> {
    if (this.closed) {
      return Promise.reject(searchFailure('The search index is closed.'));
    }
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      // The worker answers with what the protocol promises for this request type.
      this.send(worker, type, payload, (value) => resolve(value as SearchWorkerMethods[T]['result']), reject);
    });
  }

  private send(
    worker: Worker,
    type: SearchWorkerRequestType,
    payload: unknown,
    resolve: (value: unknown) => void,
    reject: (error: Error) => void,
  ): void {
    const id = this.nextId;
    this.nextId += 1;
    this.pending.set(id, { resolve, reject });
    // Keep the process alive only while an answer is awaited: an idle index must not stop a CLI
    // from exiting.
    worker.ref();
    try {
      worker.postMessage({ id, type, payload } as SearchWorkerRequest);
    } catch (error) {
      this.settle(id);
      reject(searchFailure(`Could not send to the search worker: ${String(error)}`));
    }
  }

  private settle(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    return call;
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const file = resolveSearchWorkerPath();
    if (!existsSync(file)) {
      throw searchFailure(`The search worker is missing (${file}); run npm run build.`);
    }
    const workerData: SearchWorkerData = {
      indexDir: this.options.indexDir,
      libraryDir: this.options.libraryDir,
    };
    const worker = new Worker(file, { workerData, resourceLimits: SEARCH_WORKER_RESOURCE_LIMITS });
    this.worker = worker;
    this.workerError = null;
    worker.unref();
    worker.on('message', (message: unknown) => this.onMessage(message));
    worker.on('error', (error: Error) => {
      this.workerError = error;
    });
    worker.on('exit', (code: number) => this.onExit(worker, code));
    if (this.known !== null) {
      // A restarted worker reconciles with what the library had; the ids it reports stale are
      // reported again by the next open (their fingerprints never reached the disk).
      const current = [...this.known].map(([articleId, fingerprint]) => ({ articleId, fingerprint }));
      this.send(worker, 'open', { current }, () => undefined, () => undefined);
    }
    return worker;
  }

  private onMessage(message: unknown): void {
    if (!isSearchWorkerResponse(message)) return;
    const call = this.settle(message.id);
    if (call === undefined) return;
    if (message.ok) call.resolve(message.value);
    else call.reject(new QuireError(message.error.code, message.error.message, message.error.sentence));
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker === worker) this.worker = null;
    const reason = this.workerError?.message ?? `exit code ${code}`;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      call.reject(searchFailure(`The search worker stopped unexpectedly (${reason}).`));
    }
  }
}

export function createSearchIndex(options: SearchIndexOptions): SearchIndex {
  return new WorkerSearchIndex(options);
}
