/**
 * When the page's renderer process dies (a crash, out of memory, killed) the window would stay
 * blank or frozen: Quire loads the page again with the reason, and the page says what happened.
 * When the page stops responding, the user chooses between waiting and reloading; the question goes
 * away by itself if the page recovers. Commands main holds for the page wait for the new page
 * (electron/main/commands.ts); a note being typed survives as the page's local draft.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { mainText as t } from './interface-language';
import { pageUrl, type RecoveryReason } from './locations';

export interface PageRecoveryOptions {
  dialog: Pick<Dialog, 'showMessageBox'>;
  log: (message: string, error?: unknown) => void;
}

const RELOAD_BUTTON = 0;

export function recoverPageWhenItDies(window: BrowserWindow, { dialog, log }: PageRecoveryOptions): void {
  const reload = (reason: RecoveryReason): void => {
    if (window.isDestroyed()) return;
    window.webContents.loadURL(pageUrl(reason)).catch((error: unknown) => log('Quire could not reload its window.', error));
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not something to recover from.
    if (details.reason === 'clean-exit') return;
    log(`Quire's window stopped (${details.reason}, exit code ${details.exitCode}); reloading it.`);
    reload('crashed');
  });

  let asking: AbortController | null = null;
  window.on('unresponsive', () => {
    if (asking) return;
    const question = new AbortController();
    asking = question;
    log("Quire's window is not responding.");
    dialog
      .showMessageBox(window, {
        type: 'warning',
        title: t('dialog.unresponsive.title'),
        message: t('dialog.unresponsive.message'),
        detail: t('dialog.unresponsive.detail'),
        buttons: [t('dialog.unresponsive.reload'), t('dialog.unresponsive.wait')],
        defaultId: 1,
        cancelId: 1,
        signal: question.signal,
      })
      .then(({ response }) => {
        if (response === RELOAD_BUTTON && !question.signal.aborted) reload('unresponsive');
      })
      .catch((error: unknown) => log('Quire could not ask what to do about its window.', error))
      .finally(() => {
        if (asking === question) asking = null;
      });
  });
  // Responsive again: the question is moot.
  window.on('responsive', () => asking?.abort());
}
