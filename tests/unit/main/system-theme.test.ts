import type { BrowserWindow, NativeTheme } from 'electron';
import { describe, expect, it } from 'vitest';
import { followSystemTheme, WINDOW_BACKGROUND } from '../../../electron/main/system-theme';
import { mainWindowOptions } from '../../../electron/main/window';
import { appLocations } from '../../../electron/main/locations';
import { fake } from '../../support/fake-electron';

describe('OS dark mode', () => {
  it('opens the window on the OS theme’s background', () => {
    const locations = appLocations('/opt/quire/out/main/index.js');
    expect(mainWindowOptions(locations).backgroundColor).toBe(WINDOW_BACKGROUND.light);
    fake.nativeTheme.shouldUseDarkColors = true;
    expect(mainWindowOptions(locations).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('follows the OS when it switches, until stopped', () => {
    const window = new fake.BrowserWindow();
    const stop = followSystemTheme(fake.nativeTheme as unknown as NativeTheme, () => window as unknown as BrowserWindow);
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.dark);
    stop();
    fake.nativeTheme.shouldUseDarkColors = false;
    fake.nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenCalledTimes(1);
  });

  it('matches the page’s theme colours, so the switch does not flash', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync('renderer/styles/themes.css', 'utf8');
    expect(css).toContain(`--bg: ${WINDOW_BACKGROUND.light}`);
    expect(css).toContain(`--bg: ${WINDOW_BACKGROUND.dark}`);
    // The "System" theme switches with the OS by itself (Chromium follows nativeTheme).
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\[data-theme='system'\]/);
  });
});
