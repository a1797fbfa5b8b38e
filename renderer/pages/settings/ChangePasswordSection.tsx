import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordFields } from '../../components/PasswordFields';
import { useAction } from '../../hooks/useAction';
import { newPasswordProblem } from '../../lib/passwordStrength';
import { toast } from '../../state/toastStore';

export function ChangePasswordSection() {
  const [oldPassword, setOldPassword] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction();

  const submit = () => {
    if (!oldPassword) return action.setError('请输入当前密码。');
    const problem = newPasswordProblem(password, again);
    if (problem) return action.setError(problem);
    if (password === oldPassword) return action.setError('新密码与当前密码相同，请换一个。');
    void action.run(async () => {
      await call('session.changePassword', { oldPassword, newPassword: password });
      setOldPassword('');
      setPassword('');
      setAgain('');
      toast('密码已修改，下次登录请使用新密码。');
    });
  };

  return (
    <div className="card">
      <h2>修改密码</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="当前密码" htmlFor="pw-old" required>
          <input id="pw-old" type="password" value={oldPassword} onChange={(e) => setOldPassword(e.target.value)} autoComplete="current-password" data-testid="pw-old" />
        </Field>
        <PasswordFields idPrefix="pw-new" label="新密码" password={password} again={again} onPassword={setPassword} onAgain={setAgain} testIds={{ password: 'pw-new', again: 'pw-new2' }} />
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} busyText="正在修改…" data-testid="pw-save">
            修改密码
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
