/** 用恢复密钥重设密码: the recovery key unlocks the archive and sets a new password for one account. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordFields } from '../../components/PasswordFields';
import { useAction } from '../../hooks/useAction';
import { newPasswordProblem } from '../../lib/passwordStrength';
import { useApp } from '../../state/appStore';
import { toast } from '../../state/toastStore';
import { AuthLayout } from './AuthLayout';

export function RecoverForm({ initialName, onBack }: { initialName: string; onBack: () => void }) {
  const signedIn = useApp((s) => s.signedIn);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction();

  const submit = () => {
    if (!recoveryKey.trim()) return action.setError('请输入恢复密钥。');
    if (!name.trim()) return action.setError('请输入要重设密码的登录名。');
    const pwProblem = newPasswordProblem(password, again);
    if (pwProblem) return action.setError(pwProblem);
    void action.run(async () => {
      const session = await call('session.recover', { recoveryKey: recoveryKey.trim(), name: name.trim(), newPassword: password });
      signedIn(session);
      toast('密码已重设，已登录。');
    });
  };

  return (
    <AuthLayout title="用恢复密钥重设密码" subtitle="输入创建档案库时打印或抄写的恢复密钥，为一个账户设置新密码。" wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="恢复密钥" htmlFor="recover-key" required hint="连字符和空格可有可无。">
          <input id="recover-key" className="mono" value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} spellCheck={false} autoComplete="off" autoFocus data-testid="recover-key" />
        </Field>
        <Field label="登录名" htmlFor="recover-name" required>
          <input id="recover-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" data-testid="recover-name" />
        </Field>
        <PasswordFields idPrefix="recover" label="新密码" password={password} again={again} onPassword={setPassword} onAgain={setAgain} testIds={{ password: 'recover-password', again: 'recover-password2' }} />
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} busyText="正在重设…" data-testid="recover-submit">
            重设密码并登录
          </BusyButton>
          <button type="button" className="btn" onClick={onBack} disabled={action.busy}>
            返回登录
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
