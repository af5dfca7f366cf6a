/**
 * Reader settings (theme, font, size) from the core's settings store, applied to the document
 * root so every view follows them. Changes show at once and are saved in the background; a
 * failed save is reported and undone.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
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
  const { reportError } = useStatus();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS); // shown until the stored settings arrive
  const latest = useRef(settings);

  useEffect(() => {
    let live = true;
    void api.getSettings().then((result) => {
      if (!live) return;
      if (result.ok) {
        latest.current = result.value;
        setSettings(result.value);
      } else reportError(`Settings could not be loaded: ${result.error.message}`);
    });
    return () => {
      live = false;
    };
  }, [api, reportError]);

  useEffect(() => applyToDocument(settings), [settings]);

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      const before = latest.current;
      const next = { ...before, ...patch };
      latest.current = next;
      setSettings(next);
      void api.setSettings(patch).then((result) => {
        if (result.ok) return;
        reportError(`Settings were not saved: ${result.error.message}`);
        if (latest.current === next) {
          latest.current = before;
          setSettings(before);
        }
      });
    },
    [api, reportError],
  );

  const value = useMemo(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
