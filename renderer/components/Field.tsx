/** A labelled form row with an optional hint or error under the control. */
import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  htmlFor?: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  errorTestId?: string;
  children: ReactNode;
  wide?: boolean;
}

export function Field({ label, htmlFor, required, hint, error, errorTestId, children, wide }: FieldProps) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={htmlFor}>
        {label}
        {required ? <span className="required" aria-hidden="true">*</span> : null}
      </label>
      <div className="field-control">
        {children}
        {error ? (
          <div className="field-error" role="alert" data-testid={errorTestId}>
            {error}
          </div>
        ) : hint ? (
          <div className="field-hint">{hint}</div>
        ) : null}
      </div>
    </div>
  );
}
