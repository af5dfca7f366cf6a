/**
 * Says, once, what the library check at start repaired or found (LibraryHealth): "Quire repaired
 * 3 things in your library" in the polite status region, or an alert when something needs the
 * user. The check runs in the background, so the query asks again until it is done, then stops.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { LibraryHealth } from '../../electron/shared/library-health';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { useStatus } from './status-context';

const ASK_EVERY_MS = 2000;
/** A check that has not finished by then will not be waited for (the log still has it). */
const GIVE_UP_AFTER = 90;
const MAX_LINES_SHOWN = 3;

export function healthMessage(health: LibraryHealth): { text: string; tone: 'info' | 'error' } | null {
  const things = (n: number) => (n === 1 ? '1 thing' : `${n} things`);
  if (health.problems.length > 0) {
    const repaired = health.repaired.length > 0 ? `Quire repaired ${things(health.repaired.length)} in your library; ` : '';
    const need = health.problems.length === 1 ? '1 thing still needs you' : `${health.problems.length} things still need you`;
    return { text: `${repaired}${need}: run "quire check" for details.`, tone: 'error' };
  }
  if (health.repaired.length > 0) {
    const shown = health.repaired.slice(0, MAX_LINES_SHOWN).join('; ');
    const more = health.repaired.length > MAX_LINES_SHOWN ? `; and ${health.repaired.length - MAX_LINES_SHOWN} more (see the log)` : '';
    return { text: `Quire repaired ${things(health.repaired.length)} in your library at start: ${shown}${more}`, tone: 'info' };
  }
  return null;
}

function useLibraryHealthNotice(): void {
  const api = useApi();
  const { notify } = useStatus();
  const { data: health } = useQuery({
    queryKey: queryKeys.libraryHealth,
    queryFn: () => answerOf(api.libraryHealth()),
    refetchInterval: (query) =>
      query.state.data?.state === 'checking' && query.state.dataUpdateCount < GIVE_UP_AFTER ? ASK_EVERY_MS : false,
    refetchIntervalInBackground: true,
  });
  const told = useRef(false);
  useEffect(() => {
    if (!health || health.state === 'checking' || told.current) return;
    told.current = true;
    const message = healthMessage(health);
    if (message) notify(message.text, { tone: message.tone });
  }, [health, notify]);
}

/** The notice as a component of its own, so the check's answers re-render nothing else. */
export function LibraryHealthNotice(): null {
  useLibraryHealthNotice();
  return null;
}
