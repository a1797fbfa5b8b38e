/** 导出: a GB/T 33870 image folder and / or a searchable PDF, written where the clerk chooses. */
import { useState } from 'react';
import type { Volume } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { JobErrorList, JobProgressBar } from '../../components/JobDetails';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Modal } from '../../components/Modal';
import { PathInput } from '../../components/PathInput';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { useDigitize } from '../../state/digitizationStore';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { jobPercent, jobSummary } from './jobProgress';

let lastDir = '';

export function ExportDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const [dir, setDir] = useState(lastDir);
  // Files are named by 档号: a volume without one gets it here rather than sending the clerk away.
  const [archiveNo, setArchiveNo] = useState('');
  const needsArchiveNo = volume.archiveNo === null;
  const [pdf, setPdf] = useState(true);
  const [folder, setFolder] = useState(true);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useWorkbench((s) => (jobId ? (s.jobs.find((j) => j.id === jobId) ?? null) : null));
  const action = useAction();

  const submit = () => {
    if (!dir.trim()) return action.setError('请选择导出位置（文件夹）。导出的文件不加密，请选择安全的位置。');
    if (!pdf && !folder) return action.setError('请至少选择一种导出内容。');
    if (needsArchiveNo && !archiveNo.trim()) return action.setError('请填写档号：导出的文件夹和图像按档号命名。');
    void action.run(async () => {
      if (needsArchiveNo) {
        const v = await call('volume.update', { id: volume.id, archiveNo: archiveNo.trim() });
        useWorkbench.getState().volumeChanged(v);
        useDigitize.getState().volumeSaved(v);
      }
      setJobId(await useWorkbench.getState().exportTo(dir.trim(), pdf, folder));
      lastDir = dir.trim();
    });
  };

  const pct = job ? jobPercent(job) : null;
  return (
    <Modal title={`导出 ${volume.personName} 第 ${volume.volumeNo} 卷`} onClose={onClose} width={640}>
      <KeyboardForm className="form" onSubmit={submit} onCancel={onClose}>
        <fieldset className="form-fieldset" disabled={job?.state === 'running'}>
          <Field label="导出到" htmlFor="export-dir" required hint="导出的文件不加密，只应保存到单位指定的安全位置。">
            <PathInput id="export-dir" value={dir} onChange={setDir} pick="folder" pickTitle="选择导出文件夹" testId="export-dir" />
          </Field>
          {needsArchiveNo ? (
            <Field label="档号" htmlFor="export-archive-no" required hint="本卷尚未编档号，导出前须填写。">
              <input id="export-archive-no" aria-invalid={action.errorField === 'archiveNo'} className="mono" value={archiveNo} onChange={(e) => setArchiveNo(e.target.value)} maxLength={40} autoComplete="off" data-testid="export-archive-no" />
            </Field>
          ) : null}
          <div className="dz-export-options">
            <label className="checkbox">
              <input type="checkbox" checked={folder} onChange={(e) => setFolder(e.target.checked)} data-testid="export-folder" />
              图像文件夹（按档号+页序命名，含卷内目录 .xlsx / .xml 和校验清单）
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} data-testid="export-pdf" />
              可检索 PDF（图像加隐藏文字层）
            </label>
          </div>
        </fieldset>
        <FormError message={action.error} />
        {job ? (
          <div className={`job job-${job.state}`} data-testid="export-job" data-state={job.state}>
            <div>{jobSummary(job)}</div>
            <JobProgressBar running={job.state === 'running'} percent={pct} />
            {job.state === 'failed' && job.message ? <div className="form-error">{job.message}</div> : null}
            <JobErrorList errors={job.errors} />
            {job.outputs.length > 0 ? (
              <>
                <div>已写出：</div>
                <ul className="job-outputs" data-testid="export-outputs">
                  {job.outputs.map((o) => (
                    <li key={o} className="mono">
                      {o}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        <div className="form-actions">
          {job?.state === 'done' ? null : (
            <BusyButton type="submit" primary busy={action.busy || job?.state === 'running'} busyText="正在导出…" data-testid="export-start">
              开始导出
            </BusyButton>
          )}
          <button type="button" className="btn" onClick={onClose} data-testid="export-close">
            {job?.state === 'done' ? '完成' : '关闭'}
          </button>
        </div>
      </KeyboardForm>
    </Modal>
  );
}
