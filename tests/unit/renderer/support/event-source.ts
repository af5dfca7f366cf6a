import type { LibraryChangedEvent, ReaderEventSource } from '../../../../electron/shared/contract';

/** The core's events, sent by the test: `libraryChanged(ids)` is another process's change. */
export function eventSource() {
  const listeners = new Set<(event: LibraryChangedEvent) => void>();
  const source: ReaderEventSource = {
    on: (event, listener) => {
      if (event !== 'library-changed') return () => {};
      const entry = listener as (event: LibraryChangedEvent) => void;
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  return { source, libraryChanged: (articleIds: string[]) => listeners.forEach((listener) => listener({ articleIds })) };
}
