/** New password + confirmation with a strength hint; the parent owns the values. */
import { passwordStrength, STRENGTH_LABELS } from '../lib/passwordStrength';
import { Field } from './Field';

interface PasswordFieldsProps {
  idPrefix: string;
  password: string;
  again: string;
  onPassword: (v: string) => void;
  onAgain: (v: string) => void;
  label?: string;
  testIds?: { password?: string; again?: string };
}

export function PasswordFields({ idPrefix, password, again, onPassword, onAgain, label = '密码', testIds }: PasswordFieldsProps) {
  const strength = passwordStrength(password);
  const mismatch = again !== '' && again !== password;
  return (
    <>
      <Field
        label={label}
        htmlFor={`${idPrefix}-pw`}
        required
        hint={password ? <span className={`strength strength-${strength}`}>密码强度：{STRENGTH_LABELS[strength]}</span> : '至少 8 位；建议混合字母、数字和符号'}
      >
        <input
          id={`${idPrefix}-pw`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          data-testid={testIds?.password}
        />
      </Field>
      <Field label={`确认${label}`} htmlFor={`${idPrefix}-pw2`} required error={mismatch ? '两次输入的密码不一致。' : null}>
        <input
          id={`${idPrefix}-pw2`}
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => onAgain(e.target.value)}
          data-testid={testIds?.again}
        />
      </Field>
    </>
  );
}
