import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

describe('GCJ-02', () => {
  it('shifts a point in Shanghai by a few hundred metres', () => {
    const [lng, lat] = wgs84ToGcj02(121.38, 31.11);
    const dx = (lng - 121.38) * 111_320 * Math.cos((31.11 * Math.PI) / 180);
    const dy = (lat - 31.11) * 111_320;
    const metres = Math.hypot(dx, dy);
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(700);
  });
  it('round-trips to within a centimetre', () => {
    const [glng, glat] = wgs84ToGcj02(121.38, 31.11);
    const [lng, lat] = gcj02ToWgs84(glng, glat);
    expect(Math.abs(lng - 121.38) * 111_320).toBeLessThan(0.01);
    expect(Math.abs(lat - 31.11) * 111_320).toBeLessThan(0.01);
  });
  it('leaves points outside mainland China alone', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
