/** 新增用户: login name, display name, role and an initial password to hand over. */
import { useState } from 'react';
import { call } from '../../api/client';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { passwordStrength, STRENGTH_LABELS } from '../../lib/passwordStrength';
import { toast } from '../../state/toastStore';
import { FormFooter } from '../../components/FormFooter';

export function AddUserForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('intake');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const action = useAction();

  const submit = () => {
    if (!name.trim()) return action.setError('请填写登录名。');
    if (!displayName.trim()) return action.setError('请填写姓名。');
    if ([...password].length < 8) return action.setError('初始密码至少 8 位。');
    void action.run(async () => {
      const u = await call('user.add', { name: name.trim(), displayName: displayName.trim(), role, password });
      toast(`已新增用户「${u.displayName}」`);
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
      <Field label="登录名" htmlFor="user-name" required hint="登录时使用，如拼音或工号；创建后不能更改。">
        <input id="user-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" data-testid="user-name" />
      </Field>
      <Field label="姓名" htmlFor="user-display" required>
        <input id="user-display" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" data-testid="user-display" />
      </Field>
      <Field label="角色" htmlFor="user-role" required>
        <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="初始密码"
        htmlFor="user-password"
        required
        hint={password ? `密码强度：${STRENGTH_LABELS[passwordStrength(password)]}` : '至少 8 位；请当面交给本人，并请其登录后在「系统设置」中修改。'}
      >
        <input
          id="user-password"
          type={showPassword ? 'text' : 'password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          data-testid="user-password"
        />
        <label className="checkbox checkbox-small">
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          显示密码
        </label>
      </Field>
      <FormFooter action={action} submitLabel="保存" busyText="正在保存…" submitTestId="user-save" onCancel={onCancel} />
    </form>
  );
}
