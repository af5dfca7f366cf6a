/**
 * Says, once, what the library check at start repaired or found (LibraryHealth): "Quire repaired
 * 3 things in your library" in the polite status region, or an alert when something needs the
 * user. The check runs in the background, so the query asks again until it is done, then stops.
 */
import { useQuery } from '@tanstack/react-query';
import { createElement, useEffect, useRef, useState, type ReactElement } from 'react';
import { useIntl } from 'react-intl';
import { resolveInterfaceLocale } from '../../electron/shared/i18n/locales';
import type { LibraryHealth } from '../../electron/shared/library-health';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { checkLineText } from '../i18n/core-sentence';
import { useText, type Text } from '../i18n/use-text';
import { useStatus } from './status-context';
import { LibraryHealthDetails } from './LibraryHealthDetails';

const ASK_EVERY_MS = 2000;
/** A check that has not finished by then will not be waited for (the log still has it). */
const GIVE_UP_AFTER = 90;
const MAX_LINES_SHOWN = 3;

/**
 * Each repair is a core sentence, said in the interface language (its English when this page does
 * not know it). `details`: there is more than the notice says (something needs the user, or more
 * repairs than it lists), so it offers the whole list.
 */
export function healthMessage(health: LibraryHealth, text: Text): { text: string; tone: 'info' | 'error'; details: boolean } | null {
  if (health.problems.length > 0) {
    const values = { repaired: health.repaired.length, problems: health.problems.length, command: 'quire check' };
    return { text: text(health.repaired.length > 0 ? 'health.repairedAndProblems' : 'health.problems', values), tone: 'error', details: true };
  }
  if (health.repaired.length > 0) {
    const lines = health.repaired.map((message, index) => checkLineText(text, { message, sentence: health.repairedSentences[index] }));
    // Sentences one after another, with the language's own semicolon.
    const shown = lines.slice(0, MAX_LINES_SHOWN).reduce((before, after) => text('health.nextLine', { before, after }));
    const more = Math.max(0, health.repaired.length - MAX_LINES_SHOWN);
    return { text: text('health.repaired', { count: health.repaired.length, shown, more }), tone: 'info', details: more > 0 };
  }
  return null;
}

/** Announces the check's findings once; returns the health to show in full while Details is open. */
function useLibraryHealthNotice(): { shown: LibraryHealth | null; close: () => void } {
  const api = useApi();
  const { notify } = useStatus();
  const text = useText();
  const { data: health } = useQuery({
    queryKey: queryKeys.libraryHealth,
    queryFn: () => answerOf(api.libraryHealth()),
    refetchInterval: (query) =>
      query.state.data?.state === 'checking' && query.state.dataUpdateCount < GIVE_UP_AFTER ? ASK_EVERY_MS : false,
    refetchIntervalInBackground: true,
  });
  // Said once, so only once the page speaks the language the reader chose (the stored setting).
  const stored = useQuery({ queryKey: queryKeys.settings, queryFn: () => answerOf(api.getSettings()) });
  const { locale } = useIntl();
  const languageSettled = stored.isError || (stored.data !== undefined && resolveInterfaceLocale(stored.data.language, navigator.languages) === locale);
  const told = useRef(false);
  const [shown, setShown] = useState<LibraryHealth | null>(null);
  useEffect(() => {
    if (!health || health.state === 'checking' || !languageSettled || told.current) return;
    told.current = true;
    const message = healthMessage(health, text);
    if (!message) return;
    const action = message.details ? { label: text('health.details.open'), run: () => setShown(health) } : undefined;
    notify(message.text, action ? { tone: message.tone, action } : { tone: message.tone });
  }, [health, languageSettled, notify, text]);
  return { shown, close: () => setShown(null) };
}

/** The notice as a component of its own, so the check's answers re-render nothing else. */
export function LibraryHealthNotice(): ReactElement | null {
  const { shown, close } = useLibraryHealthNotice();
  return shown === null ? null : createElement(LibraryHealthDetails, { health: shown, onClose: close });
}
