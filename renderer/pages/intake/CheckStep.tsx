/**
 * 数字副本核验: pick the package folder and start the check (a background job); the progress bar
 * shows the phase and time left. When it ends, the findings and counts are re-read.
 */
import { useState } from 'react';
import type { IntakeBatchDetail } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { useIntakeBatch } from '../../state/intakeBatch';
import { JobProgress } from './JobProgress';
import { useIntakeJob } from './useIntakeJob';

interface Props {
  detail: IntakeBatchDetail;
  editable: boolean;
  active: boolean;
  /** Go on to 核验结果 (a button in the done message: the step does not jump away by itself). */
  onNext: () => void;
}

export function CheckStep({ detail, editable, active, onNext }: Props) {
  const batch = detail.batch;
  const [dir, setDir] = useState(batch.packageDir ?? '');
  const running = detail.runningJobs.find((j) => j.kind === 'check');
  const [jobId, setJobId] = useState<string | null>(running?.id ?? null);
  const action = useAction();
  const { job, error } = useIntakeJob(jobId, active, () => void useIntakeBatch.getState().refreshAll());

  const start = () => {
    if (!dir.trim()) return action.setError('请选择移交单位交来的数字副本文件夹（每人一个文件夹，文件夹名含身份证号）。');
    void action.run(async () => {
      const r = await call('intake.check.start', { batchId: batch.id, packageDir: dir.trim() });
      setJobId(r.jobId);
      void useIntakeBatch.getState().refreshDetail();
    });
  };

  const cancel = () => {
    if (!jobId) return;
    void action.run(() => call('intake.job.cancel', { jobId }));
  };

  const isRunning = job?.state === 'running' || (job === null && jobId !== null);
  const noRoster = detail.counts.persons === 0;
  return (
    <div className="ik-step" data-testid="step-check">
      <p className="muted">
        逐页核验数字副本：文件夹与名册是否一一对应、页数、图像能否读取、格式、分辨率（≥ 300 dpi）、重复页、倾斜和纸面页码。每页都检查，不抽样。
      </p>
      {editable ? (
        <div className="form">
          <Field label="数字副本文件夹" htmlFor="package-dir" required hint="默认结构：每人一个文件夹，名称含身份证号（如 张三_110105…），其中为按序号命名的页面图像。">
            <PathInput id="package-dir" value={dir} onChange={setDir} pick="folder" pickTitle="选择数字副本文件夹" disabled={isRunning} testId="package-dir" />
          </Field>
          <div className="form-actions">
            <BusyButton type="button" primary busy={action.busy || isRunning} busyText="正在核验…" disabled={noRoster} onClick={start} data-testid="check-start">
              {batch.packageDir ? '重新核验' : '开始核验'}
            </BusyButton>
            {noRoster ? <span className="muted">请先导入名册。</span> : null}
          </div>
        </div>
      ) : batch.packageDir ? (
        <p>
          核验的文件夹：<span className="mono">{batch.packageDir}</span>
        </p>
      ) : null}
      <FormError message={action.error ?? error} />
      {job ? <JobProgress job={job} onCancel={editable ? cancel : undefined} /> : null}
      {job?.state === 'done' ? (
        <div className="ik-ok" role="status" data-testid="check-done">
          核验完成：未处理的问题 {detail.counts.findingsOpen} 个（错误 {detail.counts.errorsOpen}，警告 {detail.counts.warningsOpen}）。
          <button type="button" className="btn btn-small btn-primary" onClick={onNext} data-testid="check-next">
            查看核验结果 →
          </button>
        </div>
      ) : null}
    </div>
  );
}
