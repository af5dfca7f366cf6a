import { createContext, useContext, type ReactNode } from 'react';
import type { ReaderApi, ReaderEventSource } from '../../electron/shared/contract';

const ApiContext = createContext<ReaderApi | null>(null);
const EventsContext = createContext<ReaderEventSource | null>(null);

/** Provides the contract (and its events, where the host has them) to every view; tests pass a fake in-memory API. */
export function ApiProvider({ api, events = null, children }: { api: ReaderApi; events?: ReaderEventSource | null; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <EventsContext.Provider value={events}>{children}</EventsContext.Provider>
    </ApiContext.Provider>
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
