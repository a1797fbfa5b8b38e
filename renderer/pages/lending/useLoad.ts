/**
 * Loads something from the services when its inputs change (and when any lending change bumps the
 * store's version); the latest request wins, its error is kept in Chinese for the page to show.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useLending } from '../../state/lendingStore';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

export function useLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[], enabled = true): Loaded<T> {
  const version = useLending((s) => s.version);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const latest = useRef(fetcher);
  useEffect(() => {
    latest.current = fetcher;
  });

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    latest
      .current()
      .then((v) => {
        if (mine !== seq.current) return;
        setData(v);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(errorMessage(e));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
    // The caller's deps decide when to reload; spreading them keeps this hook generic.
  }, [enabled, version, tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
