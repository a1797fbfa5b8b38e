/** 库房管理: placeholder while the area is being built (its owner replaces this file). */
import type { SessionInfo } from '../../../shared/types';

export function StoragePage({ session, active }: { session: SessionInfo; active: boolean }) {
  return (
    <section className="area" data-testid="area-storage" data-active={active}>
      <h2>库房管理</h2>
      <p>{session.displayName}，此功能正在建设中。</p>
    </section>
  );
}
