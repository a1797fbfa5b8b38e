/** 数据备份: write an encrypted backup to a folder or file, and check a backup file can be read. */
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { VerifyReport } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PathInput } from '../../components/PathInput';
import { VerifyReportView } from '../../components/VerifyReportView';
import { useAction } from '../../hooks/useAction';
import { formatBytes } from '../../lib/format';
import { toast } from '../../state/toastStore';

export function BackupSection() {
  const [to, setTo] = useState('');
  const [last, setLast] = useState<{ file: string; bytes: number } | null>(null);
  const [checkFile, setCheckFile] = useState('');
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [workspaceDir, setWorkspaceDir] = useState('');
  const backup = useAction();
  const verify = useAction();

  useEffect(() => {
    call('settings.get', {})
      .then((s) => setWorkspaceDir(s.workspaceDir))
      .catch(() => undefined); // only shown as information
  }, []);

  const runBackup = () => {
    if (!to.trim()) return backup.setError('请填写备份保存位置（文件夹或文件路径），最好是移动硬盘或另一台电脑的共享文件夹。');
    void backup.run(async () => {
      const r = await call('backup.create', { to: to.trim() });
      setLast(r);
      setCheckFile(r.file);
      setReport(null);
      toast(`备份完成：${formatBytes(r.bytes)}`);
    });
  };

  const runVerify = () => {
    if (!checkFile.trim()) return verify.setError('请填写要校验的备份文件路径。');
    void verify.run(async () => setReport(await call('backup.verify', { file: checkFile.trim() })));
  };

  return (
    <div className="card">
      <h2>数据备份</h2>
      {workspaceDir ? (
        <p className="muted">
          档案库位置：<span className="mono">{workspaceDir}</span>
        </p>
      ) : null}
      <Field label="保存到" htmlFor="backup-to" hint="填文件夹时自动命名为「档案工作站备份-日期时间.adbak」。备份文件已加密。">
        <PathInput id="backup-to" value={to} onChange={setTo} pick="folder" pickTitle="选择备份保存的文件夹" testId="backup-to" disabled={backup.busy} />
      </Field>
      <FormError message={backup.error} />
      <div className="form-actions">
        <BusyButton type="button" primary busy={backup.busy} busyText="正在备份…" onClick={runBackup} data-testid="backup-run">
          备份
        </BusyButton>
      </div>
      {last ? (
        <div className="result-box" data-testid="backup-result">
          已备份到 <span className="mono">{last.file}</span>，大小 {formatBytes(last.bytes)}。
        </div>
      ) : null}

      <h3>校验备份</h3>
      <Field label="备份文件" htmlFor="backup-check">
        <PathInput id="backup-check" value={checkFile} onChange={setCheckFile} pick="open-file" pickTitle="选择要校验的备份文件" testId="backup-check" disabled={verify.busy} />
      </Field>
      <FormError message={verify.error} />
      <div className="form-actions">
        <BusyButton type="button" busy={verify.busy} busyText="正在校验…" onClick={runVerify} data-testid="backup-verify">
          校验备份
        </BusyButton>
      </div>
      {report ? <VerifyReportView report={report} /> : null}
    </div>
  );
}
