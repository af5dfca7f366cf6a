import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ReaderApi, ReaderEventSource } from '../../electron/shared/contract';
import { createQueryClient, refreshingWrites, refreshQueries } from './query-client';
import { LIBRARY_CONTENT, readerKeysOf } from './query-keys';

const ApiContext = createContext<ReaderApi | null>(null);
const EventsContext = createContext<ReaderEventSource | null>(null);

interface ApiProviderProps {
  api: ReaderApi;
  events?: ReaderEventSource | null;
  /** one per page; tests get a fresh one per render */
  queryClient?: QueryClient;
  children: ReactNode;
}

/**
 * The data layer's root: the contract (and its events, where the host has them) for every view,
 * and the query cache their answers live in. Views get the API with its writes refreshing the
 * cache (query-client.ts); the core's `library-changed` event refreshes it after other processes'
 * changes. Tests pass a fake in-memory API.
 */
export function ApiProvider({ api, events = null, queryClient, children }: ApiProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [viewApi] = useState(() => refreshingWrites(api, client));

  useEffect(() => {
    if (!events) return;
    // Another process (the command line, a sync tool) changed articles or their annotations.
    // The lists hold every article; the reader's queries are refreshed only for the ones named.
    return events.on('library-changed', ({ articleIds }) => refreshQueries(client, [...LIBRARY_CONTENT, ...readerKeysOf(articleIds)]));
  }, [events, client]);

  return (
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={viewApi}>
        <EventsContext.Provider value={events}>{children}</EventsContext.Provider>
      </ApiContext.Provider>
    </QueryClientProvider>
  );
}

/** The core's events (Electron's preload or browser mode's event stream); null where none arrive. */
export function useReaderEvents(): ReaderEventSource | null {
  return useContext(EventsContext);
}

export function useApi(): ReaderApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
