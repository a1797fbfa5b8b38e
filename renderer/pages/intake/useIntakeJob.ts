/** Polls one intake job (the check or the digital-copy import) about twice a second until it ends. */
import { useEffect, useState } from 'react';
import type { IntakeJob } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';

const POLL_MS = 500;

export function useIntakeJob(jobId: string | null, active: boolean, onEnd: (job: IntakeJob) => void): { job: IntakeJob | null; error: string | null } {
  const [job, setJob] = useState<IntakeJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
  }, [jobId]);
  useEffect(() => {
    if (!jobId || !active) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const j = await call('intake.job.get', { jobId });
        if (stopped) return;
        setJob(j);
        if (j.state !== 'running') {
          onEnd(j);
          return;
        }
      } catch (e) {
        if (stopped) return;
        setError(errorMessage(e));
        return;
      }
      // Chained, not an interval: a slow answer must not pile requests up.
      timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // onEnd is read when the job ends; restarting the poll when the caller re-renders would be wrong.
  }, [jobId, active]);
  return { job, error };
}
