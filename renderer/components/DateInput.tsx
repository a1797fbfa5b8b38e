/** A text date field: any common way of writing a date becomes YYYY-MM-DD when the field is left. */
import type { InputHTMLAttributes } from 'react';
import { parseDateInput } from '../lib/dateInput';

interface DateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (v: string) => void;
}

export function DateInput({ value, onChange, onBlur, className, ...rest }: DateInputProps) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      className={['date-input', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const r = parseDateInput(value);
        if (r.ok && r.value !== null && r.value !== value) onChange(r.value);
        onBlur?.(e);
      }}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
