/** 系统设置: own password for everyone; lock timeout, backup and integrity check for the admin. */
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { BackupSection } from './BackupSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { IdleLockSection } from './IdleLockSection';
import { VerifySection } from './VerifySection';

export function SettingsPage({ session }: { session: SessionInfo }) {
  return (
    <section className="page page-settings">
      <div className="page-header">
        <h1>系统设置</h1>
      </div>
      <ChangePasswordSection />
      {can(session.role, 'settings.write') ? <IdleLockSection /> : null}
      {can(session.role, 'backup.run') ? (
        <>
          <BackupSection />
          <VerifySection />
        </>
      ) : null}
    </section>
  );
}
