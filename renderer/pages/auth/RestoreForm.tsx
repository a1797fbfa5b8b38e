/** 从备份恢复: a backup file into a folder, then sign in with the accounts the backup holds. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { useApp } from '../../state/appStore';
import { AuthLayout } from './AuthLayout';

export function RestoreForm({ defaultDir, onBack }: { defaultDir: string; onBack: () => void }) {
  const [from, setFrom] = useState('');
  const [dir, setDir] = useState(defaultDir);
  const action = useAction();

  const submit = () => {
    if (!from.trim()) return action.setError('请填写备份文件路径。');
    if (!dir.trim()) return action.setError('请填写恢复到的文件夹。');
    void action.run(async () => {
      const r = await call('workspace.restore', { from: from.trim(), dir: dir.trim() });
      const app = useApp.getState();
      await app.loadStatus();
      useApp.getState().setLoginNotice(`已从备份恢复到 ${r.dir}。请用备份中的账户登录。`);
    });
  };

  return (
    <AuthLayout title="从备份恢复" subtitle="备份文件是加密的；恢复后用备份时的登录名和密码登录（或用恢复密钥重设密码）。" wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="备份文件" htmlFor="restore-from" required>
          <PathInput id="restore-from" value={from} onChange={setFrom} pick="open-file" pickTitle="选择备份文件" placeholder="例如 D:\备份\档案工作站备份-20240501-093000.adbak" testId="restore-from" disabled={action.busy} />
        </Field>
        <Field label="恢复到文件夹" htmlFor="restore-dir" required hint="应为空文件夹或新文件夹，已有档案库的文件夹不会被覆盖。">
          <PathInput id="restore-dir" value={dir} onChange={setDir} pick="folder" pickTitle="选择恢复到的文件夹" testId="restore-dir" disabled={action.busy} />
        </Field>
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} busyText="正在恢复…" data-testid="restore-submit">
            开始恢复
          </BusyButton>
          <button type="button" className="btn" onClick={onBack} disabled={action.busy}>
            返回
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
