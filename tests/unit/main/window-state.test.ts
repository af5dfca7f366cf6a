import { describe, expect, it, vi } from 'vitest';
import { appLocations } from '../../../electron/main/locations';
import { createMainWindow } from '../../../electron/main/window';
import { parseWindowState, placeWindow, type WindowState } from '../../../electron/main/window-state';
import { type fake } from '../../support/fake-electron';

const laptop = { x: 0, y: 0, width: 1440, height: 876 };
const externalRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('placing the window', () => {
  it('opens centred at the default size the first time', () => {
    const { bounds, maximized } = placeWindow(null, [laptop]);
    expect(maximized).toBe(false);
    expect(bounds.x + bounds.width / 2).toBeCloseTo(laptop.width / 2, 0);
    expect(bounds.width).toBeLessThanOrEqual(laptop.width);
  });

  it('reopens exactly where it was when that place is still on a display', () => {
    const saved: WindowState = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, externalRight])).toEqual(saved);
  });

  it('comes back onto the laptop when the external monitor it was on is gone', () => {
    const saved: WindowState = { bounds: { x: 2000, y: 200, width: 2000, height: 1200 }, maximized: false };
    const { bounds } = placeWindow(saved, [laptop]);
    expect(bounds.x).toBeGreaterThanOrEqual(laptop.x);
    expect(bounds.y).toBeGreaterThanOrEqual(laptop.y);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(laptop.x + laptop.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(laptop.y + laptop.height);
  });

  it('never opens with its title bar above the top of the screen', () => {
    const saved: WindowState = { bounds: { x: 100, y: -5, width: 900, height: 700 }, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('ignores a stored state that is not one', () => {
    expect(parseWindowState('garbage')).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 'wide' } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: 'yes' })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: false,
    });
  });
});

describe('the main window remembers its place', () => {
  it('restores size, position and maximized state, and saves them when it closes', () => {
    const saved: WindowState = { bounds: { x: 50, y: 60, width: 1000, height: 700 }, maximized: true };
    const store = { load: vi.fn(() => saved), save: vi.fn() };
    const window = createMainWindow(appLocations('/opt/quire/out/main/index.js'), vi.fn(), store) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(window.options).toMatchObject(saved.bounds);
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    window.emit('close');
    expect(store.save).toHaveBeenCalledWith({ bounds: saved.bounds, maximized: true });
  });
});
