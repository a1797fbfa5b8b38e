/** Progress of the volume's background jobs (count, percentage, time left) and per-page errors. */
import type { Job } from '../../../shared/types';
import { useWorkbench, type UploadState } from '../../state/digitizationWorkbench';
import { baseName, jobPercent, jobSummary } from './jobProgress';

const MAX_ERRORS_SHOWN = 20;

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
    <div className="dz-job" data-testid="upload-progress">
      <div className="dz-job-line">
        <span>
          上传：{finished} / {uploads.length} 个文件
          {current ? `，正在${current.state === 'sending' ? '上传' : '处理'} ${current.name}` : ''}
        </span>
      </div>
      <progress max={uploads.length} value={finished} />
      {failed.length > 0 ? (
        <ul className="dz-job-errors" role="alert">
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
    <div className={`dz-job dz-job-${job.state}`} data-testid={`job-${job.kind}`} data-state={job.state}>
      <div className="dz-job-line">
        <span data-testid="job-summary">{jobSummary(job)}</span>
        {job.message ? <span className="dz-job-message">{job.message}</span> : null}
        <span className="dz-job-actions">
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
      {running ? (
        pct === null ? (
          <progress aria-label="进度未知" />
        ) : (
          <progress max={100} value={pct} aria-valuenow={pct} />
        )
      ) : null}
      {job.errors.length > 0 ? (
        <ul className="dz-job-errors" role="alert" data-testid="job-errors">
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
      {job.kind === 'export' && job.outputs.length > 0 ? (
        <ul className="dz-job-outputs" data-testid="job-outputs">
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
