/** A window-level keydown listener that always sees the latest handler. */
import { useEffect, useRef } from 'react';

export function useKeyDown(handler: (e: KeyboardEvent) => void, active = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!active) return;
    const listener = (e: KeyboardEvent) => ref.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);
}
