/** 重置密码 by the admin (also how a disabled account is enabled again). */
import { useState } from 'react';
import { call } from '../../api/client';
import type { User } from '../../../shared/types';
import { PasswordFields } from '../../components/PasswordFields';
import { useAction } from '../../hooks/useAction';
import { newPasswordProblem } from '../../lib/passwordStrength';
import { toast } from '../../state/toastStore';
import { FormFooter } from '../../components/FormFooter';

interface ResetPasswordFormProps {
  user: User;
  enabling: boolean;
  onDone: () => void;
  onCancel: () => void;
}

export function ResetPasswordForm({ user, enabling, onDone, onCancel }: ResetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction();

  const submit = () => {
    const problem = newPasswordProblem(password, again);
    if (problem) return action.setError(problem);
    void action.run(async () => {
      await call('user.resetPassword', { id: user.id, newPassword: password });
      toast(enabling ? `已启用「${user.displayName}」并设置新密码` : `已重置「${user.displayName}」的密码`);
      onDone();
    });
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <p className="muted">
        {enabling ? '停用时该账户的密码已作废。设置新密码后账户即恢复可用。' : `为「${user.displayName}」（${user.name}）设置新密码。`}
        请将新密码当面交给本人，并请其登录后自行修改。
      </p>
      <PasswordFields idPrefix="reset" label="新密码" password={password} again={again} onPassword={setPassword} onAgain={setAgain} testIds={{ password: 'reset-password', again: 'reset-password2' }} />
      <FormFooter action={action} submitLabel={enabling ? '启用' : '重置密码'} busyText="正在保存…" submitTestId="reset-save" onCancel={onCancel} />
    </form>
  );
}
