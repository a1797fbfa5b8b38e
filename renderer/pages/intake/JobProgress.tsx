/** One intake job as a line, a progress bar with ETA while it runs, its errors, and a stop button. */
import type { IntakeJob } from '../../../shared/intakeTypes';
import { JobErrorList, JobProgressBar } from '../../components/JobDetails';
import { intakeJobPercent, intakeJobSummary } from './intakeJobText';

export function JobProgress({ job, onCancel }: { job: IntakeJob; onCancel?: () => void }) {
  const pct = intakeJobPercent(job);
  const running = job.state === 'running';
  return (
    <div className={`job job-${job.state}`} data-testid={`intake-job-${job.kind}`} data-state={job.state}>
      <div className="job-line">
        <span data-testid="intake-job-summary">{intakeJobSummary(job)}</span>
        {job.message && job.message !== job.phase ? <span className="job-message">{job.message}</span> : null}
        {running && onCancel ? (
          <span className="job-actions">
            <button type="button" className="btn btn-small" onClick={onCancel} data-testid="intake-job-cancel">
              停止
            </button>
          </span>
        ) : null}
      </div>
      <JobProgressBar running={running} percent={pct} />
      <JobErrorList errors={job.errors} />
    </div>
  );
}
