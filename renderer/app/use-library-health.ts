/**
 * Says, once, what the library check at start repaired or found (LibraryHealth): "Quire repaired
 * 3 things in your library" in the polite status region, or an alert when something needs the
 * user. The check runs in the background, so this asks until it is done, then stops.
 */
import { useEffect } from 'react';
import type { LibraryHealth } from '../../electron/shared/library-health';
import { useApi } from '../api/api-context';
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

export function useLibraryHealthNotice(): void {
  const api = useApi();
  const { notify } = useStatus();
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let asked = 0;
    const ask = async (): Promise<void> => {
      const result = await api.libraryHealth();
      if (stopped || !result.ok) return;
      if (result.value.state === 'checking') {
        asked += 1;
        if (asked < GIVE_UP_AFTER) timer = window.setTimeout(() => void ask(), ASK_EVERY_MS);
        return;
      }
      const message = healthMessage(result.value);
      if (message) notify(message.text, { tone: message.tone });
    };
    void ask();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, notify]);
}
