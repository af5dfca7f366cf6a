/**
 * Calls `onChange` with the ids another process (the command line, a second Quire, a sync tool)
 * added, changed or removed, so a view can load again what it shows. Pass a stable callback
 * (useCallback): a new one subscribes again.
 */
import { useEffect } from 'react';
import { useReaderEvents } from './api-context';

export function useLibraryChanged(onChange: (articleIds: readonly string[]) => void): void {
  const events = useReaderEvents();
  useEffect(() => events?.on('library-changed', ({ articleIds }) => onChange(articleIds)), [events, onChange]);
}
