/**
 * After the desktop app reloaded a crashed or frozen window (`?recovered=…` on the page address),
 * says what happened once, then takes the reason off the address so a later reload stays quiet.
 */
import { useEffect } from 'react';
import { useStatus } from './status-context';

const MESSAGES: Readonly<Record<string, string>> = {
  crashed: 'Quire’s window stopped unexpectedly and was reloaded. Notes you were typing were kept as drafts.',
  unresponsive: 'Quire’s window stopped responding and was reloaded. Notes you were typing were kept as drafts.',
};

/** The message for the page's address, or null when the page was not reloaded by the app. */
export function recoveryMessage(search: string): string | null {
  const reason = new URLSearchParams(search).get('recovered');
  return reason !== null && Object.hasOwn(MESSAGES, reason) ? MESSAGES[reason]! : null;
}

export function RecoveryNotice() {
  const { notify } = useStatus();
  useEffect(() => {
    const message = recoveryMessage(window.location.search);
    if (!message) return;
    notify(message, { action: { label: 'OK', run: () => {} } });
    const url = new URL(window.location.href);
    url.searchParams.delete('recovered');
    window.history.replaceState(window.history.state, '', url);
  }, [notify]);
  return null;
}
