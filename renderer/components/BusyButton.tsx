/** A button that shows it is working and cannot be pressed twice meanwhile. */
import type { ButtonHTMLAttributes } from 'react';

interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean;
  busyText?: string;
  primary?: boolean;
}

export function BusyButton({ busy, busyText, primary, children, className, disabled, ...rest }: BusyButtonProps) {
  const cls = [primary ? 'btn btn-primary' : 'btn', className].filter(Boolean).join(' ');
  return (
    <button {...rest} className={cls} disabled={disabled || busy} aria-busy={busy}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyText ?? '请稍候…'}
        </>
      ) : (
        children
      )}
    </button>
  );
}
