/**
 * Keeps background work visible: polls running jobs about twice a second, and re-reads the strip
 * every few seconds while OCR is still filling in page numbers. Paused while the session is locked.
 */
import { useEffect } from 'react';
import { useWorkbench } from '../../state/digitizationWorkbench';

const JOB_POLL_MS = 500;
const OCR_POLL_MS = 2500;
/** A clean finished import stays in view this long, then makes room. */
const KEEP_DONE_MS = 20_000;

export function useJobPolling(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let polling = false;
    const jobs = window.setInterval(() => {
      if (polling) return; // a slow answer must not pile requests up
      polling = true;
      void useWorkbench
        .getState()
        .pollJobs()
        .finally(() => {
          polling = false;
        });
    }, JOB_POLL_MS);
    const ocr = window.setInterval(() => {
      const s = useWorkbench.getState();
      s.clearFinished(KEEP_DONE_MS);
      if (s.volume && s.pages.some((p) => p.ocr === 'pending')) void Promise.all([s.refreshPages(), s.refreshItems()]);
    }, OCR_POLL_MS);
    return () => {
      window.clearInterval(jobs);
      window.clearInterval(ocr);
    };
  }, [active]);
}
