/** Progress of the volume's background jobs (count, percentage, time left) and per-page errors. */
import type { Job } from '../../../shared/types';
import { useWorkbench, type UploadState } from '../../state/digitizationWorkbench';
import { JobErrorList, JobProgressBar } from '../../components/JobDetails';
import { jobPercent, jobSummary } from './jobProgress';

export function JobBar({ jobs, uploads }: { jobs: Job[]; uploads: UploadState[] }) {
  const shownUploads = uploads.some((u) => u.state !== 'done') ? uploads : [];
  if (jobs.length === 0 && shownUploads.length === 0) return null;
  return (
    <div className="dz-jobs">
      {shownUploads.length > 0 ? <UploadLine uploads={shownUploads} /> : null}
      {jobs.map((j) => (
        <JobLine key={j.id} job={j} />
      ))}
    </div>
  );
}

function UploadLine({ uploads }: { uploads: UploadState[] }) {
  const finished = uploads.filter((u) => u.state === 'done' || u.state === 'failed').length;
  const current = uploads.find((u) => u.state === 'sending' || u.state === 'processing');
  const failed = uploads.filter((u) => u.state === 'failed');
  return (
    <div className="job" data-testid="upload-progress">
      <div className="job-line">
        <span>
          上传：{finished} / {uploads.length} 个文件
          {current ? `，正在${current.state === 'sending' ? '上传' : '处理'} ${current.name}` : ''}
        </span>
      </div>
      <progress max={uploads.length} value={finished} />
      {failed.length > 0 ? (
        <ul role="alert">
          {failed.map((u, i) => (
            <li key={i}>
              <span className="mono">{u.name}</span>：{u.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function JobLine({ job }: { job: Job }) {
  const stopJob = useWorkbench((s) => s.stopJob);
  const dismiss = useWorkbench((s) => s.dismissJob);
  const setActionError = useWorkbench((s) => s.setActionError);
  const pct = jobPercent(job);
  const running = job.state === 'running';
  return (
    <div className={`job job-${job.state}`} data-testid={`job-${job.kind}`} data-state={job.state}>
      <div className="job-line">
        <span data-testid="job-summary">{jobSummary(job)}</span>
        {job.message ? <span className="job-message">{job.message}</span> : null}
        <span className="job-actions">
          {running ? (
            <button type="button" className="btn btn-small" onClick={() => stopJob(job.id).catch((e: unknown) => setActionError(e instanceof Error ? e.message : String(e)))}>
              {job.kind === 'watch' ? '停止监视' : '停止'}
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => dismiss(job.id)} data-testid="job-dismiss">
              关闭
            </button>
          )}
        </span>
      </div>
      <JobProgressBar running={running} percent={pct} />
      <JobErrorList errors={job.errors} testId="job-errors" />
      {job.kind === 'export' && job.outputs.length > 0 ? (
        <ul className="job-outputs" data-testid="job-outputs">
          {job.outputs.map((o) => (
            <li key={o} className="mono">
              {o}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
