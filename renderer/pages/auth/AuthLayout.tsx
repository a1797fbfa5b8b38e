/** The centred card used by setup, login, recovery and lock screens. */
import type { ReactNode } from 'react';

export function AuthLayout({ title, subtitle, children, wide }: { title: string; subtitle?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className="auth-page">
      <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">档</span>
          <span className="brand-name">档案工作站</span>
        </div>
        <h1 className="auth-title">{title}</h1>
        {subtitle ? <div className="auth-subtitle">{subtitle}</div> : null}
        {children}
      </div>
    </div>
  );
}
