/**
 * Idle-lock bookkeeping, free of timers and DOM so it can be tested with plain numbers.
 * The hook feeds it activity and clock ticks; it answers "lock now?" and "tell the server now?".
 */
export const TOUCH_INTERVAL_MS = 60_000;

export class IdleTracker {
  private lastActivity: number;
  private lastTouch: number;

  constructor(
    private readonly idleMs: number,
    now: number,
    private readonly touchIntervalMs: number = TOUCH_INTERVAL_MS,
  ) {
    this.lastActivity = now;
    // Signing in or unlocking already counted as activity on the server.
    this.lastTouch = now;
  }

  /** Records user activity; true when the server should be told (at most once per interval). */
  activity(now: number): boolean {
    this.lastActivity = now;
    if (now - this.lastTouch >= this.touchIntervalMs) {
      this.lastTouch = now;
      return true;
    }
    return false;
  }

  shouldLock(now: number): boolean {
    return now - this.lastActivity >= this.idleMs;
  }
}
