/**
 * The signed-in app: top bar, left navigation (only the areas the role may use) and the page.
 * While locked it stays mounted but hidden under the lock screen, so nothing typed is lost.
 */
import { useEffect, useState } from 'react';
import { useIdleLock } from '../../hooks/useIdleLock';
import { useKeyDown } from '../../hooks/useKeyDown';
import { isLockKey } from '../../lib/keys';
import { allowedAreas, type Area } from '../../lib/nav';
import type { SessionInfo } from '../../../shared/types';
import { useApp } from '../../state/appStore';
import { useCommunities } from '../../state/communitiesStore';
import { usePersons } from '../../state/personsStore';
import { LockScreen } from '../auth/LockScreen';
import { AreaPage } from './AreaPage';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

export function Shell({ session }: { session: SessionInfo }) {
  const lock = useApp((s) => s.lock);
  const areas = allowedAreas(session.role);
  const [area, setArea] = useState<Area>(areas[0] ?? 'settings');
  const current = areas.includes(area) ? area : (areas[0] ?? 'settings');
  const unlocked = !session.locked;

  // Lists that failed while the session was locked (NOT_SIGNED_IN) load again after unlock.
  useEffect(() => {
    if (!unlocked) return;
    if (usePersons.getState().error) void usePersons.getState().search();
    if (useCommunities.getState().error) void useCommunities.getState().load();
  }, [unlocked]);

  useIdleLock(unlocked, session.idleLockMinutes, () => void lock());
  useKeyDown((e) => {
    if (isLockKey(e)) {
      e.preventDefault();
      void lock();
    }
  }, unlocked);

  return (
    <>
      <div className="shell" hidden={!unlocked} inert={!unlocked}>
        <TopBar session={session} />
        <div className="shell-body">
          <SideNav areas={areas} current={current} onSelect={setArea} />
          <main className="shell-main">
            <AreaPage area={current} session={session} active={unlocked} />
          </main>
        </div>
      </div>
      {unlocked ? null : <LockScreen session={session} />}
    </>
  );
}
