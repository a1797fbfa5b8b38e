/** What every domain operation needs: the open store, who is acting, and the clock. */
import type { Store } from '../store/api';

export interface Actor {
  userId: number | null;
  userName: string;
}

export interface DomainContext {
  store: Store;
  /** Key for the audit chain's HMAC, derived from the workspace data key. */
  auditKey: Buffer;
  actor: Actor;
  now: () => Date;
}
