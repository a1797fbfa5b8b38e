/**
 * The core: validates every call against the contract, checks the session and the caller's role,
 * then runs the handler. Calls are serialised — the catalogue is one in-memory database and each
 * write must see the previous one — which is why the core runs in its own worker thread.
 */
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { AppError, toErrorPayload, type Result } from '../../../shared/errors';
import { can, ROLE_LABELS } from '../../../shared/roles';
import type { User } from '../../../shared/types';
import * as uq from '../db/queries/users';
import { appendAudit } from '../domain/audit';
import type { DomainContext } from '../domain/context';
import { idleLockMinutes } from '../domain/settings';
import { adminHandlers } from './handlers/admin';
import { digitizationHandlers } from './handlers/digitization';
import { documentHandlers } from './handlers/documents';
import { intakeHandlers } from './handlers/intake';
import { lendingHandlers } from './handlers/lending';
import { recordHandlers } from './handlers/records';
import { sessionHandlers } from './handlers/session';
import { storageHandlers } from './handlers/storage';
import type { CallContext, Handler } from './handlers/types';
import type { CoreHost, CoreOptions } from './host';
import { SessionTable } from './sessions';
import { WorkspaceHost } from './workspace';

const handlers: { [M in MethodName]: Handler<M> } = {
  ...sessionHandlers,
  ...recordHandlers,
  ...adminHandlers,
  ...digitizationHandlers,
  ...intakeHandlers,
  ...storageHandlers,
  ...lendingHandlers,
  ...documentHandlers,
};

export interface CoreConfig extends CoreOptions {
  /** CLI --data: serve this folder instead of the one in the launcher config. */
  workspaceDir?: string | undefined;
  now?: (() => Date) | undefined;
}

function zodMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return '输入有误，请检查后重试。';
  const field = first.path.length ? `（${first.path.map(String).join('.')}）` : '';
  return `输入有误${field}：${first.message}`;
}

export class Core implements CoreHost {
  readonly workspace: WorkspaceHost;
  readonly sessions = new SessionTable();
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: CoreConfig) {
    this.now = config.now ?? (() => new Date());
    this.workspace = new WorkspaceHost(config.userDataDir, config.workspaceDir, this.now);
  }

  call(sessionId: string, method: string, payload: unknown): Promise<Result<unknown>> {
    const run = this.queue.then(() => this.dispatch(sessionId, method, payload));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async endSession(sessionId: string): Promise<void> {
    await this.call(sessionId, 'session.logout', {});
  }

  async close(): Promise<void> {
    await this.queue;
    this.sessions.endAll();
    await this.workspace.close();
  }

  private async dispatch(sessionId: string, method: string, payload: unknown): Promise<Result<unknown>> {
    try {
      if (!isMethodName(method)) throw new AppError('VALIDATION', `未知的操作「${method}」。`);
      const spec = contract[method];
      const parsed = spec.input.safeParse(payload ?? {});
      if (!parsed.success) throw new AppError('VALIDATION', zodMessage(parsed.error.issues));
      const now = this.now();
      const user = spec.auth === 'none' ? this.optionalUser(sessionId) : this.authorise(sessionId, method, spec.auth, now);
      const ctx = this.context(sessionId, now, user);
      const handler = handlers[method] as Handler<typeof method>;
      const value = await handler(parsed.data as never, ctx);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  }

  private optionalUser(sessionId: string): User | null {
    const ws = this.workspace.open;
    const s = this.sessions.get(sessionId);
    if (!ws || !s || s.locked) return null;
    return uq.userById(ws.store, s.userId) ?? null;
  }

  /** Session present and unlocked, idle limit not passed, account active, role allows the permission. */
  private authorise(sessionId: string, method: MethodName, auth: string, now: Date): User {
    const ws = this.workspace.open;
    const s = this.sessions.get(sessionId);
    if (!ws || !s) throw new AppError('NOT_SIGNED_IN', '请先登录。');
    if (this.sessions.applyIdle(s, now.getTime(), idleLockMinutes(ws.store))) {
      throw new AppError('NOT_SIGNED_IN', '因长时间未操作，已自动锁定。请输入密码解锁。', { locked: true });
    }
    if (s.locked) throw new AppError('NOT_SIGNED_IN', '当前已锁定，请输入密码解锁。', { locked: true });
    const user = uq.userById(ws.store, s.userId);
    if (!user || user.disabled) {
      this.sessions.end(sessionId);
      throw new AppError('NOT_SIGNED_IN', '该账户已停用，请联系管理员。');
    }
    s.lastActivity = now.getTime();
    if (auth !== 'session' && !can(user.role, auth as Parameters<typeof can>[1])) {
      ws.store.write((tx) =>
        appendAudit(tx, ws.auditKey, { userId: user.id, userName: user.name }, now, {
          action: 'access.denied',
          entity: 'method',
          entityId: method,
        }),
      );
      throw new AppError('FORBIDDEN', `您的角色（${ROLE_LABELS[user.role]}）无权执行此操作。如需办理，请联系管理员。`);
    }
    return user;
  }

  private context(sessionId: string, now: Date, user: User | null): CallContext {
    const workspace = this.workspace;
    const domainAs = (ws: NonNullable<WorkspaceHost['open']>, actor: { userId: number | null; userName: string }): DomainContext => ({
      store: ws.store,
      auditKey: ws.auditKey,
      actor,
      now: () => now,
    });
    return {
      sessionId,
      now,
      mode: this.config.mode,
      version: this.config.version,
      workspace,
      sessions: this.sessions,
      user,
      domainAs,
      domain: () => {
        if (!user) throw new AppError('NOT_SIGNED_IN', '请先登录。');
        return domainAs(workspace.require(), { userId: user.id, userName: user.name });
      },
      keys: () => {
        const ws = workspace.require();
        return { keyring: ws.keyring, dataKey: ws.dataKey };
      },
    };
  }
}
