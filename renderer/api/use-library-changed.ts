/**
 * Calls `onChange` with the ids another process (the command line, a second Quire, a sync tool)
 * added, changed or removed. The query cache follows these events by itself (api-context.tsx);
 * this is for state outside it, such as an open article's own annotations. Pass a stable callback
 * (useCallback): a new one subscribes again.
 */
import { useEffect } from 'react';
import { useReaderEvents } from './api-context';

export function useLibraryChanged(onChange: (articleIds: readonly string[]) => void): void {
  const events = useReaderEvents();
  useEffect(() => events?.on('library-changed', ({ articleIds }) => onChange(articleIds)), [events, onChange]);
}
