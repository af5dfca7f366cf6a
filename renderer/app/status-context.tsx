/**
 * One place for messages the user must notice: results of actions ("Moved to trash" + Undo),
 * and errors from any call. Info goes to a polite live region, errors to an alert.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useText } from '../i18n/use-text';

/** The dismiss button's mark (its name is the aria-label). */
const CLOSE_MARK = '×';

export interface StatusAction {
  label: string;
  run: () => void;
}

export interface StatusMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: StatusAction;
}

interface StatusApi {
  /** Shows a message; it replaces the previous one of the same tone. */
  notify: (text: string, options?: { tone?: 'info' | 'error'; action?: StatusAction }) => void;
  /** Shows an error message (the message of an error Result, as written by the core). */
  reportError: (text: string) => void;
  dismiss: (tone: 'info' | 'error') => void;
}

const StatusContext = createContext<StatusApi | null>(null);
const InfoContext = createContext<{ info: StatusMessage | null; error: StatusMessage | null }>({
  info: null,
  error: null,
});

/** Plain info messages fade after this; messages with an action or errors wait to be dismissed. */
const INFO_TIMEOUT_MS = 8000;

export function StatusProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<StatusMessage | null>(null);
  const [error, setError] = useState<StatusMessage | null>(null);
  const nextId = useRef(1);

  const notify = useCallback<StatusApi['notify']>((text, options = {}) => {
    const message: StatusMessage = { id: nextId.current++, text, tone: options.tone ?? 'info' };
    if (options.action) message.action = options.action;
    if (message.tone === 'error') setError(message);
    else setInfo(message);
  }, []);
  const reportError = useCallback((text: string) => notify(text, { tone: 'error' }), [notify]);
  const dismiss = useCallback((tone: 'info' | 'error') => {
    if (tone === 'error') setError(null);
    else setInfo(null);
  }, []);

  useEffect(() => {
    if (!info || info.action) return;
    const timer = window.setTimeout(() => setInfo((current) => (current === info ? null : current)), INFO_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [info]);

  const api = useMemo(() => ({ notify, reportError, dismiss }), [notify, reportError, dismiss]);
  const messages = useMemo(() => ({ info, error }), [info, error]);
  return (
    <StatusContext.Provider value={api}>
      <InfoContext.Provider value={messages}>{children}</InfoContext.Provider>
    </StatusContext.Provider>
  );
}

export function useStatus(): StatusApi {
  const api = useContext(StatusContext);
  if (!api) throw new Error('useStatus() needs a <StatusProvider> above it.');
  return api;
}

function Toast({ message, onDismiss }: { message: StatusMessage; onDismiss: () => void }) {
  const text = useText();
  return (
    <div className={`toast toast-${message.tone}`}>
      <p className="toast-text">{message.text}</p>
      {message.action && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onDismiss();
            message.action?.run();
          }}
        >
          {message.action.label}
        </button>
      )}
      <button type="button" className="button button-quiet button-small" aria-label={text('status.dismiss')} onClick={onDismiss}>
        {CLOSE_MARK}
      </button>
    </div>
  );
}

/** The live regions; always in the DOM so screen readers announce what appears in them. */
export function StatusRegion() {
  const { info, error } = useContext(InfoContext);
  const { dismiss } = useStatus();
  return (
    <div className="toasts">
      <div role="alert" className="toast-slot">
        {error && <Toast key={error.id} message={error} onDismiss={() => dismiss('error')} />}
      </div>
      <div role="status" className="toast-slot">
        {info && <Toast key={info.id} message={info} onDismiss={() => dismiss('info')} />}
      </div>
    </div>
  );
}
