/** Routes between the top-level screens from the app status. */
import { useEffect } from 'react';
import { Toasts } from './components/Toasts';
import { LoginPage } from './pages/auth/LoginPage';
import { RecoveryKeyPage } from './pages/auth/RecoveryKeyPage';
import { SetupPage } from './pages/auth/SetupPage';
import { Shell } from './pages/shell/Shell';
import { useApp } from './state/appStore';

function Screen() {
  const screen = useApp((s) => s.screen);
  const session = useApp((s) => s.session);
  const startupError = useApp((s) => s.startupError);
  const loadStatus = useApp((s) => s.loadStatus);

  switch (screen) {
    case 'loading':
      return <div className="splash">正在启动档案工作站…</div>;
    case 'startup-error':
      return (
        <div className="splash">
          <div className="form-error" data-testid="form-error" role="alert">
            {startupError}
          </div>
          <button type="button" className="btn" onClick={() => void loadStatus()}>
            重试
          </button>
        </div>
      );
    case 'setup':
      return <SetupPage />;
    case 'recovery-key':
      return <RecoveryKeyPage />;
    case 'login':
      return <LoginPage />;
    case 'shell':
      // Keyed by user so a different sign-in never sees the previous user's pages or drafts.
      return session ? <Shell key={session.userId} session={session} /> : <LoginPage />;
  }
}

export function App() {
  useEffect(() => {
    void useApp.getState().loadStatus();
  }, []);
  return (
    <>
      <Screen />
      <Toasts />
    </>
  );
}
