/**
 * Saves a note as it is typed: a short pause after the last key, and at once when the editor loses
 * focus, unmounts or the window is closed (the desktop app waits for that save before it closes the
 * window or the library, see renderer/app/pending-writes.ts). Every keystroke is also kept as a local draft until the
 * core has it, so a crash or a closed tab loses nothing: the draft comes back next time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingWrite } from '../app/pending-writes';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

const draftKey = (key: string) => `quire-note-draft:${key}`;

function readDraft(key: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(key));
  } catch {
    return null;
  }
}

function writeDraft(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(draftKey(key));
    else window.localStorage.setItem(draftKey(key), value);
  } catch {
    // Storage full or disabled: the debounced save still runs.
  }
}

/**
 * @param key identifies the note (drafts are kept per note)
 * @param saved the text the core has
 * @param save resolves true once the core has stored the text
 */
export function useAutosave(key: string, saved: string, save: (text: string) => Promise<boolean>) {
  const [text, setTextState] = useState(() => readDraft(key) ?? saved);
  const [state, setState] = useState<SaveState>(() => (readDraft(key) ?? saved) === saved ? 'saved' : 'unsaved');
  const latest = useRef({ text, stored: saved, save });
  useEffect(() => {
    latest.current.save = save;
  }, [save]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { text: pending, stored } = latest.current;
    if (pending === stored) return;
    setState('saving');
    const ok = await latest.current.save(pending);
    if (ok) {
      latest.current.stored = pending;
      if (latest.current.text === pending) writeDraft(key, null);
    }
    setState(ok ? (latest.current.text === pending ? 'saved' : 'unsaved') : 'failed');
  }, [key]);

  const setText = useCallback(
    (value: string) => {
      latest.current.text = value;
      setTextState(value);
      writeDraft(key, value);
      setState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, key],
  );

  useEffect(() => {
    // A draft left by a crash or a closed window is saved now.
    if (latest.current.text !== latest.current.stored) void flush();
    const onLeave = () => void flush();
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    const unregister = registerPendingWrite(flush);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
      unregister();
      void flush();
    };
  }, [flush]);

  return { text, setText, flush, state };
}
