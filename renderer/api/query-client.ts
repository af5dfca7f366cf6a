/**
 * The one query cache of the page (TanStack Query) and the rules it runs by. Answers stay fresh
 * until something says they are not: a write of this page (WRITE_EFFECTS, applied by
 * `refreshingWrites`) or the core's events (api-context.tsx). So nothing is asked again on a
 * timer, on focus or on a view's return, and nothing is asked twice.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { READER_METHODS, type ReaderApi, type ReaderMethod } from '../../electron/shared/contract';
import { QuireError, type Result } from '../../electron/shared/result';
import { isWriteMethod, WRITE_EFFECTS } from './query-keys';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        // The core answered: its errors (a file that cannot be read) do not mend by asking again.
        retry: false,
        // An offline library: the browser's idea of being online has nothing to do with it.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** A query's value, or the core's error (its message is written for the user) thrown for the cache. */
export async function answerOf<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new QuireError(result.error.code, result.error.message, result.error.sentence);
  return result.value;
}

/**
 * Marks these queries outdated. A view on screen keeps showing its answer while the new one
 * loads (no flash of an empty list); an answer no view shows is dropped instead, so a view that
 * opens later loads it as it did the first time rather than showing the old one for a moment.
 */
export function refreshQueries(client: QueryClient, keys: readonly QueryKey[]): void {
  for (const queryKey of keys) {
    client.removeQueries({ queryKey, type: 'inactive' });
    void client.invalidateQueries({ queryKey, refetchType: 'active' });
  }
}

/**
 * The API with every write followed by the refresh of what it changed. Before the write, reads of
 * those queries still on their way are stopped: begun before the write, they could land after a
 * view's own update of the list and bring back what was just deleted.
 */
export function refreshingWrites(api: ReaderApi, client: QueryClient): ReaderApi {
  const wrapped: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const method of READER_METHODS) {
    const call = (api[method] as (...args: unknown[]) => Promise<Result<unknown>>).bind(api);
    const keys = isWriteMethod(method) ? WRITE_EFFECTS[method] : [];
    wrapped[method] =
      keys.length === 0
        ? call
        : async (...args: unknown[]) => {
            for (const queryKey of keys) void client.cancelQueries({ queryKey });
            const result = await call(...args);
            // After a failure too: the reads stopped above must be made again.
            refreshQueries(client, keys);
            return result;
          };
  }
  return wrapped as ReaderApi;
}
