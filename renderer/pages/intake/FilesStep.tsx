/** 案卷目录 of an accepted batch: the archive numbers issued, and the import of the digital copies. */
import { useCallback, useEffect, useState } from 'react';
import type { BatchFile, IntakeBatchDetail } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';
import { FormError } from '../../components/FormError';
import { sexLabel } from '../../lib/format';
import { useIntakeBatch } from '../../state/intakeBatch';
import { JobProgress } from './JobProgress';
import { useIntakeJob } from './useIntakeJob';

interface Props {
  detail: IntakeBatchDetail;
  /** The import started by acceptance (null: none, or the batch was opened later). */
  importJobId: string | null;
  canWrite: boolean;
  active: boolean;
}

export function FilesStep({ detail, importJobId, canWrite, active }: Props) {
  const [files, setFiles] = useState<BatchFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restarted, setRestarted] = useState<string | null>(null);
  const batchId = detail.batch.id;
  const running = detail.runningJobs.find((j) => j.kind === 'import-copies');
  const jobId = restarted ?? importJobId ?? running?.id ?? null;

  const load = useCallback(async () => {
    try {
      setFiles(await call('intake.batch.files', { batchId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [batchId]);
  const { job } = useIntakeJob(jobId, active, () => {
    void load();
    void useIntakeBatch.getState().refreshDetail();
  });
  useEffect(() => {
    void load();
  }, [load]);

  /** Resumes an import that failed or was stopped; pages already stored are skipped by SHA-256. */
  const reimport = async () => {
    try {
      setRestarted((await call('intake.copies.import', { batchId })).jobId);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const importing = job?.state === 'running' || (job === null && jobId !== null);

  return (
    <div className="ik-step" data-testid="step-files">
      {job ? <JobProgress job={job} /> : null}
      {canWrite && detail.batch.packageDir && !importing ? (
        <div className="toolbar">
          <button type="button" className="btn btn-small" onClick={() => void reimport()} title="导入中断或失败时使用：已导入的页面按 SHA-256 跳过" data-testid="copies-reimport">
            继续导入数字副本
          </button>
        </div>
      ) : null}
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table" data-testid="file-table">
          <thead>
            <tr>
              <th>档号</th>
              <th>姓名</th>
              <th>性别</th>
              <th>身份证号</th>
              <th>乡镇（街道）</th>
              <th>社区</th>
              <th>卷数</th>
              <th>页数</th>
              <th>数字副本页数</th>
              <th>备注</th>
            </tr>
          </thead>
          <tbody>
            {(files ?? []).map((f) => (
              <tr key={f.fileId} data-testid="file-row">
                <td className="mono" data-testid="file-archive-no">
                  {f.archiveNo}
                </td>
                <td>{f.name}</td>
                <td>{sexLabel(f.sex)}</td>
                <td className="mono">{f.idNumber}</td>
                <td>{f.town}</td>
                <td>{f.community}</td>
                <td>{f.volumes}</td>
                <td>{f.pages}</td>
                <td>{f.digitalPages}</td>
                <td>{f.remarks}</td>
              </tr>
            ))}
            {files !== null && files.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={10}>本批次没有案卷。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
