/** One intake job as a line, a progress bar with ETA while it runs, its errors, and a stop button. */
import type { IntakeJob } from '../../../shared/intakeTypes';
import { baseName } from '../digitization/jobProgress';
import { intakeJobPercent, intakeJobSummary } from './intakeJobText';

const MAX_ERRORS_SHOWN = 20;

export function JobProgress({ job, onCancel }: { job: IntakeJob; onCancel?: () => void }) {
  const pct = intakeJobPercent(job);
  const running = job.state === 'running';
  return (
    <div className={`ik-job ik-job-${job.state}`} data-testid={`intake-job-${job.kind}`} data-state={job.state}>
      <div className="ik-job-line">
        <span data-testid="intake-job-summary">{intakeJobSummary(job)}</span>
        {job.message && job.message !== job.phase ? <span className="ik-job-message">{job.message}</span> : null}
        {running && onCancel ? (
          <span className="ik-job-actions">
            <button type="button" className="btn btn-small" onClick={onCancel} data-testid="intake-job-cancel">
              停止
            </button>
          </span>
        ) : null}
      </div>
      {running ? pct === null ? <progress aria-label="进度未知" /> : <progress max={100} value={pct} aria-valuenow={pct} /> : null}
      {job.errors.length > 0 ? (
        <ul className="ik-job-errors" role="alert">
          {job.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
            <li key={i}>
              <span className="mono" title={e.source}>
                {baseName(e.source)}
              </span>
              ：{e.message}
            </li>
          ))}
          {job.errors.length > MAX_ERRORS_SHOWN ? <li>另有 {job.errors.length - MAX_ERRORS_SHOWN} 个错误未列出。</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
