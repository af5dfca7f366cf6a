import { createContext, useContext, type ReactNode } from 'react';
import type { ReaderApi } from '../../electron/shared/contract';

const ApiContext = createContext<ReaderApi | null>(null);

/** Provides the contract to every view; tests pass a fake in-memory API. */
export function ApiProvider({ api, children }: { api: ReaderApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ReaderApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
