import { useEffect, useRef } from 'react';

/** A single http(s) address, as pasted from a browser's address bar. */
export function pastedWebAddress(text: string): string | null {
  const candidate = text.trim();
  if (/\s/.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/** "Pasted note 2026-11-28 14.05.txt": the text importer takes its title from the first line. */
export function pastedNoteFile(text: string, now = new Date()): File {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}`;
  return new File([text], `Pasted note ${stamp}.txt`, { type: 'text/plain' });
}

/**
 * Paste anywhere outside a text field imports: a web address is downloaded (`onUrl`), any other
 * text becomes a plain-text note (`onText`). Pastes into fields are left to the fields.
 */
export function usePasteImport(onUrl: (url: string) => void, onText: (file: File) => void): void {
  const handlers = useRef({ onUrl, onText });
  useEffect(() => {
    handlers.current = { onUrl, onText };
  }, [onUrl, onText]);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || !event.clipboardData) return;
      const text = event.clipboardData.getData('text/plain');
      if (text.trim() === '') return;
      event.preventDefault();
      const url = pastedWebAddress(text);
      if (url) handlers.current.onUrl(url);
      else handlers.current.onText(pastedNoteFile(text));
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
