/** 查借阅: placeholder while the area is being built (its owner replaces this file). */
import type { SessionInfo } from '../../../shared/types';

export function LendingPage({ session, active }: { session: SessionInfo; active: boolean }) {
  return (
    <section className="area" data-testid="area-lending" data-active={active}>
      <h2>查借阅</h2>
      <p>{session.displayName}，此功能正在建设中。</p>
    </section>
  );
}
