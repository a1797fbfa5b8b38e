/** Runs one user action: busy while it runs, its error kept (in Chinese) for the form to show. */
import { useCallback, useRef, useState } from 'react';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../api/client';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** The field the server blamed (AppError details.field), so the form can mark it. */
  errorField: string | null;
  setError(msg: string | null): void;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setErrorState] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | null>(null);
  const running = useRef(false);

  const setError = useCallback((msg: string | null) => {
    setErrorState(msg);
    setErrorField(null);
  }, []);

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined; // a double click or a repeated shortcut must not submit twice
    running.current = true;
    setBusy(true);
    setErrorState(null);
    setErrorField(null);
    try {
      return await fn();
    } catch (e) {
      setErrorState(errorMessage(e));
      const field = e instanceof AppError ? e.details?.field : undefined;
      setErrorField(typeof field === 'string' ? field : null);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, errorField, setError, run };
}
