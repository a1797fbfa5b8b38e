/** 登录, with the way to reset a forgotten password with the recovery key. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useApp } from '../../state/appStore';
import { AuthLayout } from './AuthLayout';
import { RecoverForm } from './RecoverForm';

export function LoginPage() {
  const notice = useApp((s) => s.loginNotice);
  const signedIn = useApp((s) => s.signedIn);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [recovering, setRecovering] = useState(false);
  const action = useAction();

  if (recovering) return <RecoverForm initialName={name} onBack={() => setRecovering(false)} />;

  const submit = () => {
    if (!name.trim()) return action.setError('请输入登录名。');
    if (!password) return action.setError('请输入密码。');
    void action.run(async () => {
      const session = await call('session.login', { name: name.trim(), password });
      signedIn(session);
    });
  };

  return (
    <AuthLayout title="登录">
      {notice ? <div className="notice">{notice}</div> : null}
      <form
        className="form form-narrow"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="登录名" htmlFor="login-name">
          <input id="login-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus data-testid="login-name" />
        </Field>
        <Field label="密码" htmlFor="login-password">
          <input
            id="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Field>
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} busyText="正在登录…" data-testid="login-submit">
            登录
          </BusyButton>
          <button type="button" className="btn btn-link" onClick={() => setRecovering(true)}>
            忘记密码？用恢复密钥重设
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
