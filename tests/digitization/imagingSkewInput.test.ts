/** The viewer's deskew-angle field: what a clerk may type, how nudges step and stop at the limits. */
import { describe, expect, it } from 'vitest';
import { formatSkew, parseSkew, stepSkew } from '../../renderer/pages/digitization/skewInput';

describe('deskew angle input', () => {
  it('reads typed angles the way a Chinese keyboard produces them', () => {
    expect(parseSkew('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseSkew(' －０。８° ')).toEqual({ ok: true, value: -0.8 });
    expect(parseSkew('−2.345度')).toEqual({ ok: true, value: -2.35 });
    expect(parseSkew('')).toMatchObject({ ok: false, message: expect.stringContaining('应为数字') });
    expect(parseSkew('abc')).toMatchObject({ ok: false });
    expect(parseSkew('10.5')).toMatchObject({ ok: false, message: expect.stringContaining('−10° 到 10°') });
  });

  it('nudges by 0.1° without drifting, inside −10°..10°, and shows one or two decimals', () => {
    let v = 1.95;
    for (let i = 0; i < 3; i++) v = stepSkew(v, 0.1);
    expect(v).toBe(2.25);
    expect(stepSkew(9.95, 0.1)).toBe(10);
    expect(stepSkew(-10, -0.1)).toBe(-10);
    expect([formatSkew(2), formatSkew(2.25), formatSkew(-0.001), formatSkew(-1.1)]).toEqual(['2.0', '2.25', '0.0', '-1.1']);
  });
});
