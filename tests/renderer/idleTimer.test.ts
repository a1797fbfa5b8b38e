import { describe, expect, it } from 'vitest';
import { IdleTracker, TOUCH_INTERVAL_MS } from '../../renderer/lib/idleTimer';

const MIN = 60_000;

describe('IdleTracker', () => {
  it('locks after the idle time with no activity, not before', () => {
    const t = new IdleTracker(10 * MIN, 0);
    expect(t.shouldLock(10 * MIN - 1)).toBe(false);
    expect(t.shouldLock(10 * MIN)).toBe(true);
  });

  it('activity restarts the idle count', () => {
    const t = new IdleTracker(10 * MIN, 0);
    t.activity(9 * MIN);
    expect(t.shouldLock(10 * MIN)).toBe(false);
    expect(t.shouldLock(19 * MIN - 1)).toBe(false);
    expect(t.shouldLock(19 * MIN)).toBe(true);
  });

  it('asks to touch the server at most once per interval while active', () => {
    const t = new IdleTracker(10 * MIN, 0);
    const touches: number[] = [];
    // Activity every 5 s for 5 minutes.
    for (let now = 0; now <= 5 * MIN; now += 5_000) if (t.activity(now)) touches.push(now);
    expect(TOUCH_INTERVAL_MS).toBe(MIN);
    expect(touches).toEqual([1 * MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN]);
  });

  it('does not touch right after sign-in, and touches on the first activity after a quiet minute', () => {
    const t = new IdleTracker(10 * MIN, 1_000);
    expect(t.activity(2_000)).toBe(false);
    expect(t.activity(1_000 + MIN + 30_000)).toBe(true);
    expect(t.activity(1_000 + MIN + 31_000)).toBe(false);
  });
});
