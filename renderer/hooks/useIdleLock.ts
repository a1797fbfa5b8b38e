/**
 * Locks the session after `idleLockMinutes` without keyboard or mouse activity, and tells the
 * server about activity at most once a minute (the server enforces the same timeout on its side).
 */
import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { IdleTracker } from '../lib/idleTimer';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;
const CHECK_EVERY_MS = 5_000;

export function useIdleLock(active: boolean, idleLockMinutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (!active) return;
    const tracker = new IdleTracker(idleLockMinutes * 60_000, Date.now());
    const onActivity = () => {
      if (tracker.activity(Date.now())) call('session.touch', {}).catch(() => undefined); // NOT_SIGNED_IN re-routes via the client
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (tracker.shouldLock(Date.now())) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, idleLockMinutes]);
}
