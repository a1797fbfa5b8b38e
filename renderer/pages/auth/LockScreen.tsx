/** 已锁定: covers the shell (kept mounted beneath so typed input survives) until the password is given. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { ROLE_LABELS } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { useApp } from '../../state/appStore';

export function LockScreen({ session }: { session: SessionInfo }) {
  const signedIn = useApp((s) => s.signedIn);
  const logout = useApp((s) => s.logout);
  const [password, setPassword] = useState('');
  const action = useAction();
  const switching = useAction();

  const submit = () => {
    if (!password) return action.setError('请输入密码。');
    void action.run(async () => {
      const s = await call('session.unlock', { password });
      setPassword('');
      signedIn(s);
    });
  };

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-label="已锁定">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">档</span>
          <span className="brand-name">档案工作站</span>
        </div>
        <h1 className="auth-title">已锁定</h1>
        <div className="auth-subtitle">
          当前用户：<strong>{session.displayName}</strong>（{session.name}，{ROLE_LABELS[session.role]}）。请输入密码解锁。
        </div>
        <form
          className="form form-narrow"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <Field label="密码" htmlFor="unlock-password">
            <input
              id="unlock-password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              autoFocus
              data-testid="unlock-password"
            />
          </Field>
          <FormError message={action.error ?? switching.error} />
          <div className="form-actions">
            <BusyButton type="submit" primary busy={action.busy} busyText="正在解锁…" data-testid="unlock-submit">
              解锁
            </BusyButton>
            <BusyButton type="button" busy={switching.busy} onClick={() => void switching.run(logout)} data-testid="switch-user">
              切换用户
            </BusyButton>
          </div>
        </form>
      </div>
    </div>
  );
}
