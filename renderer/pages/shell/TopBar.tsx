import { ROLE_LABELS } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { useAction } from '../../hooks/useAction';
import { useApp } from '../../state/appStore';

export function TopBar({ session }: { session: SessionInfo }) {
  const lock = useApp((s) => s.lock);
  const logout = useApp((s) => s.logout);
  const leaving = useAction();
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="brand-mark" aria-hidden="true">档</span>
        <span className="brand-name">档案工作站</span>
      </div>
      <div className="topbar-right">
        {leaving.error ? <span className="topbar-error" role="alert">{leaving.error}</span> : null}
        <span className="current-user" data-testid="current-user" title={`登录名：${session.name}`}>
          {session.displayName}
          <span className="role-badge">{ROLE_LABELS[session.role]}</span>
        </span>
        <button type="button" className="btn btn-topbar" onClick={() => void lock()} title="锁定 (Ctrl+L)" data-testid="lock-button">
          锁定
        </button>
        <BusyButton type="button" className="btn-topbar" busy={leaving.busy} busyText="正在退出…" onClick={() => void leaving.run(logout)} data-testid="logout-button">
          退出登录
        </BusyButton>
      </div>
    </header>
  );
}
