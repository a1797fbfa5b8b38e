/** The shape every handler has, and what it may reach in the core. */
import type { MethodName, Output, ParsedInput } from '../../../../shared/contract';
import type { User } from '../../../../shared/types';
import type { DomainContext } from '../../domain/context';
import type { Keys } from '../../domain/users';
import type { RunMode } from '../host';
import type { SessionTable } from '../sessions';
import type { OpenWorkspace, WorkspaceHost } from '../workspace';

export interface CallContext {
  readonly sessionId: string;
  readonly now: Date;
  readonly mode: RunMode;
  readonly version: string;
  readonly workspace: WorkspaceHost;
  readonly sessions: SessionTable;
  /** The signed-in, unlocked user; null only for methods whose auth is 'none'. */
  readonly user: User | null;
  /** The open workspace with the signed-in user as the actor (throws if none). */
  domain(): DomainContext;
  keys(): Keys;
  /** Domain context for a given actor, for sign-in events before a session exists. */
  domainAs(ws: OpenWorkspace, actor: { userId: number | null; userName: string }): DomainContext;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
