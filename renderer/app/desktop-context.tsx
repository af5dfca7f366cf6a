/**
 * The desktop shell, when the page runs in Electron: its commands (menus, "Open with Quire",
 * quire:// links), the native import dialog and the core's events. Null in browser mode, where
 * the page has its own buttons and file inputs. Tests pass a fake.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopBridge } from '../../electron/shared/commands';
import type { ReaderEventSource } from '../../electron/shared/contract';

/** The bridge as views use it; `onFlushRequest` is wired once at start-up (main.tsx), not by views. */
export type DesktopHost = Omit<DesktopBridge, 'onFlushRequest'> & ReaderEventSource;

const DesktopContext = createContext<DesktopHost | null>(null);

export function DesktopProvider({ desktop, children }: { desktop: DesktopHost | null; children: ReactNode }) {
  return <DesktopContext.Provider value={desktop}>{children}</DesktopContext.Provider>;
}

export function useDesktop(): DesktopHost | null {
  return useContext(DesktopContext);
}
