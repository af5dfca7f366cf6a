/**
 * After the desktop app reloaded a crashed or frozen window (`?recovered=…` on the page address),
 * says what happened once, then takes the reason off the address so a later reload stays quiet.
 */
import { useEffect } from 'react';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { useText, type Text } from '../i18n/use-text';
import { useStatus } from './status-context';

const MESSAGES: Readonly<Record<string, MessageId>> = {
  crashed: 'recovery.crashed',
  unresponsive: 'recovery.unresponsive',
};

/** The message for the page's address, or null when the page was not reloaded by the app. */
export function recoveryMessage(search: string, text: Text): string | null {
  const reason = new URLSearchParams(search).get('recovered');
  return reason !== null && Object.hasOwn(MESSAGES, reason) ? text(MESSAGES[reason]!) : null;
}

export function RecoveryNotice() {
  const { notify } = useStatus();
  const text = useText();
  useEffect(() => {
    const message = recoveryMessage(window.location.search, text);
    if (!message) return;
    notify(message, { action: { label: text('common.ok'), run: () => {} } });
    const url = new URL(window.location.href);
    url.searchParams.delete('recovered');
    window.history.replaceState(window.history.state, '', url);
  }, [notify, text]);
  return null;
}
