/** 首次使用: create the workspace and its first admin, or restore one from a backup. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordFields } from '../../components/PasswordFields';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { newPasswordProblem } from '../../lib/passwordStrength';
import { useApp } from '../../state/appStore';
import { AuthLayout } from './AuthLayout';
import { RestoreForm } from './RestoreForm';

export function SetupPage() {
  const defaultDir = useApp((s) => s.status?.workspaceDir ?? '');
  const workspaceCreated = useApp((s) => s.workspaceCreated);
  const [dir, setDir] = useState(defaultDir);
  const [adminName, setAdminName] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [restoring, setRestoring] = useState(false);
  const action = useAction();

  const submit = () => {
    if (!dir.trim()) return action.setError('请填写档案库文件夹。');
    if (!adminName.trim()) return action.setError('请填写管理员登录名。');
    if (!displayName.trim()) return action.setError('请填写管理员姓名。');
    const pwProblem = newPasswordProblem(password, again);
    if (pwProblem) return action.setError(pwProblem);
    void action.run(async () => {
      const r = await call('workspace.create', { dir: dir.trim(), adminName: adminName.trim(), adminDisplayName: displayName.trim(), password });
      workspaceCreated(r.recoveryKey, r.session);
    });
  };

  if (restoring) return <RestoreForm defaultDir={dir} onBack={() => setRestoring(false)} />;

  return (
    <AuthLayout title="首次使用：创建档案库" subtitle="档案库保存所有档案数据（全部加密）。请设置第一位管理员账户。" wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="档案库文件夹" htmlFor="setup-dir" required hint="默认位置即可；也可放在有定期备份的磁盘上。">
          <PathInput id="setup-dir" value={dir} onChange={setDir} pick="folder" pickTitle="选择档案库文件夹" testId="setup-dir" disabled={action.busy} />
        </Field>
        <Field label="管理员登录名" htmlFor="setup-admin-name" required>
          <input id="setup-admin-name" value={adminName} onChange={(e) => setAdminName(e.target.value)} autoComplete="username" data-testid="setup-admin-name" />
        </Field>
        <Field label="管理员姓名" htmlFor="setup-admin-display" required>
          <input id="setup-admin-display" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="setup-admin-display" autoFocus />
        </Field>
        <PasswordFields
          idPrefix="setup"
          password={password}
          again={again}
          onPassword={setPassword}
          onAgain={setAgain}
          testIds={{ password: 'setup-password', again: 'setup-password2' }}
        />
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} busyText="正在创建档案库…" data-testid="setup-submit">
            创建档案库
          </BusyButton>
          <button type="button" className="btn btn-link" onClick={() => setRestoring(true)} disabled={action.busy}>
            已有备份？从备份恢复
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
