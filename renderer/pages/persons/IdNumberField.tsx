/** 身份证号 with its live check: the problem in Chinese, or the birth date and sex it encodes. */
import { Field } from '../../components/Field';
import { sexLabel } from '../../lib/format';
import type { IdNumberCheck } from './useIdNumberCheck';

interface IdNumberFieldProps {
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
  check: IdNumberCheck;
  /** Left the field once: from then on show problems even before 18 characters. */
  touched: boolean;
  invalidFromServer: boolean;
}

export function IdNumberField({ value, onChange, onBlur, check, touched, invalidFromServer }: IdNumberFieldProps) {
  const { local } = check;
  let error: string | null = null;
  if (!local.ok && (touched || check.length >= 18)) error = local.message;
  else if (local.ok && check.duplicateOf !== null) error = '该身份证号已登记过，不能重复登记。请在列表中查找此人。';
  const hint = local.ok ? (
    <span className="id-derived">
      出生日期 {local.birthDate} · 性别 {sexLabel(local.sex)}
    </span>
  ) : (
    `18 位，已输入 ${check.length} 位`
  );
  return (
    <Field label="身份证号" htmlFor="person-id" required error={error} errorTestId="person-id-error" hint={hint}>
      <input
        id="person-id"
        className="mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        maxLength={30}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null || invalidFromServer}
        data-testid="person-id"
      />
    </Field>
  );
}
