/**
 * Reader settings (theme, font, size) from the core's settings store, applied to the document
 * root so every view follows them. The stored settings come through the query cache
 * (renderer/api/query-keys.ts); changes show at once and are saved in the background; a failed
 * save is reported and undone.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { useFollowLanguageChoice } from '../i18n/LocaleRoot';
import { coreSentenceText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';
import { useStatus } from './status-context';

export const MIN_FONT_SIZE = 14;
export const MAX_FONT_SIZE = 32;

interface SettingsApi {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
}

const SettingsContext = createContext<SettingsApi | null>(null);

function applyToDocument(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.fontFamily;
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-line-height', String(settings.lineHeight));
  root.style.setProperty('--reader-column-width', `${settings.columnWidth}ch`);
  root.style.setProperty('--reader-side-margin', `${settings.sideMargin}px`);
  root.style.setProperty('--reader-paragraph-spacing', `${settings.paragraphSpacing}em`);
  root.dataset.justify = String(settings.justify);
  root.dataset.hyphenate = String(settings.hyphenate);
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const text = useText();
  const { reportError } = useStatus();
  const stored = useQuery({ queryKey: queryKeys.settings, queryFn: () => answerOf(api.getSettings()) });
  // This page's changes since: React state, so a slider's move shows in the same event (the
  // cache tells its views a moment later, and the slider would jump back meanwhile).
  const [changed, setChanged] = useState<Settings | null>(null);
  // The defaults show until the stored settings arrive (or when they cannot be read).
  const settings = changed ?? stored.data ?? DEFAULT_SETTINGS;
  // What the next change builds on, known at once (two changes in one event must not lose one).
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);

  useEffect(() => {
    if (stored.error) reportError(text('settings.loadFailed', { reason: coreSentenceText(text, stored.error) }));
  }, [stored.error, reportError, text]);

  useEffect(() => applyToDocument(settings), [settings]);
  useFollowLanguageChoice(settings.language);

  // Saved in the background; undone if the save fails and nothing newer came since.
  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      const before = latest.current;
      const next = { ...before, ...patch };
      latest.current = next;
      setChanged(next);
      void api.setSettings(patch).then((saved) => {
        if (saved.ok || latest.current !== next) return;
        reportError(text('settings.saveFailed', { reason: coreSentenceText(text, saved.error) }));
        latest.current = before;
        setChanged(before);
      });
    },
    [api, reportError, text],
  );

  const value = useMemo(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
