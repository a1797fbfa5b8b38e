/** 档案接收: placeholder while the area is being built (its owner replaces this file). */
import type { SessionInfo } from '../../../shared/types';

export function IntakePage({ session, active }: { session: SessionInfo; active: boolean }) {
  return (
    <section className="area" data-testid="area-intake" data-active={active}>
      <h2>档案接收</h2>
      <p>{session.displayName}，此功能正在建设中。</p>
    </section>
  );
}
