import { describe, expect, it } from 'vitest';
import { FLOAT_GAP, placeNear } from '../../../../renderer/reader/floating-position';

const phone = { width: 360, height: 740 };
const bar = { width: 300, height: 40 };
const passage = (top: number, left: number, right: number, height = 24) => ({ top, bottom: top + height, left, right });

describe('a floating bar beside a passage', () => {
  it('sits just above the passage, centred on it', () => {
    const at = placeNear(passage(300, 100, 260), bar, { width: 1280, height: 800 });
    expect(at.top + bar.height).toBe(300 - FLOAT_GAP);
    expect(at.left + bar.width / 2).toBe(180);
  });

  it('goes below a passage at the top of the window', () => {
    const at = placeNear(passage(20, 100, 260), bar, { width: 1280, height: 800 });
    expect(at.top).toBe(20 + 24 + FLOAT_GAP);
  });

  it('stays inside a phone-width window for a passage at either edge (a right-to-left line starts at the right)', () => {
    for (const [left, right] of [
      [0, 40],
      [320, 360],
    ]) {
      const at = placeNear(passage(400, left!, right!), bar, phone);
      expect(at.left).toBeGreaterThanOrEqual(FLOAT_GAP);
      expect(at.left + bar.width).toBeLessThanOrEqual(phone.width - FLOAT_GAP);
    }
  });

  it('is held at the window’s edge for a passage taller than the window or scrolled out of it', () => {
    expect(placeNear({ top: -200, bottom: 1200, left: 10, right: 350 }, bar, phone).top).toBe(phone.height - bar.height - FLOAT_GAP);
    expect(placeNear(passage(-300, 10, 350), bar, phone).top).toBe(FLOAT_GAP);
    expect(placeNear(passage(900, 10, 350), bar, phone).top).toBe(phone.height - bar.height - FLOAT_GAP);
  });
});
