/**
 * Acts on one kind of the desktop shell's commands (see electron/shared/commands.ts) while the
 * component is mounted. The latest handler runs, so callers need not memoise it.
 */
import { useEffect, useRef } from 'react';
import type { AppCommand, AppCommandType } from '../../electron/shared/commands';
import { useDesktop } from './desktop-context';

export function useAppCommand<T extends AppCommandType>(
  type: T,
  handler: (command: Extract<AppCommand, { type: T }>) => void,
): void {
  const desktop = useDesktop();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!desktop) return;
    return desktop.onCommand((command) => {
      if (command.type === type) latest.current(command as Extract<AppCommand, { type: T }>);
    });
  }, [desktop, type]);
}
