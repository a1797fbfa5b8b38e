/** The parts every background job line shows: its progress bar while it runs, and the first errors. */
import type { JobProgress } from '../../shared/types';
import { baseName } from '../pages/digitization/jobProgress';

const MAX_ERRORS_SHOWN = 20;

/** Indeterminate while the total is unknown (a watched folder, a feeder); nothing once the job ended. */
export function JobProgressBar({ running, percent }: { running: boolean; percent: number | null }) {
  if (!running) return null;
  return percent === null ? <progress aria-label="进度未知" /> : <progress max={100} value={percent} aria-valuenow={percent} />;
}

/** The file each error is about is shown by its name only (the full path in the tooltip). */
export function JobErrorList({ errors, testId }: { errors: JobProgress['errors']; testId?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="job-errors" role="alert" data-testid={testId}>
      {errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
        <li key={i}>
          <span className="mono" title={e.source}>
            {baseName(e.source)}
          </span>
          ：{e.message}
        </li>
      ))}
      {errors.length > MAX_ERRORS_SHOWN ? <li>另有 {errors.length - MAX_ERRORS_SHOWN} 个错误未列出。</li> : null}
    </ul>
  );
}
