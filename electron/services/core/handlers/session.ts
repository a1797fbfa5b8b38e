/** Before sign-in and around it: status, first run, restore, login, lock/unlock, recovery, password. */
import { AppError } from '../../../../shared/errors';
import type { SessionInfo, User } from '../../../../shared/types';
import * as uq from '../../db/queries/users';
import { appendAudit } from '../../domain/audit';
import { idleLockMinutes } from '../../domain/settings';
import { resetPassword, slotFor } from '../../domain/users';
import { writeAudited } from '../../domain/write';
import type { Session } from '../sessions';
import type { OpenWorkspace } from '../workspace';
import type { CallContext, HandlerMap } from './types';

function info(user: User, session: Session, ws: OpenWorkspace): SessionInfo {
  return {
    userId: user.id,
    name: user.name,
    displayName: user.displayName,
    role: user.role,
    locked: session.locked,
    idleLockMinutes: idleLockMinutes(ws.store),
  };
}

/** Records a refused sign-in where the workspace is readable; a closed workspace cannot be written. */
function auditRefusal(ctx: CallContext, name: string, reason: string): void {
  const ws = ctx.workspace.open;
  if (!ws) return;
  ws.store.write((tx) =>
    appendAudit(tx, ws.auditKey, { userId: null, userName: name }, ctx.now, {
      action: 'session.loginFailed',
      entity: 'user',
      entityId: name,
      after: { reason },
    }),
  );
}

function beginSession(ctx: CallContext, ws: OpenWorkspace, user: User, action: string): SessionInfo {
  writeAudited(ctx.domainAs(ws, { userId: user.id, userName: user.name }), (tx) => {
    uq.recordLogin(tx, user.id, ctx.now.toISOString());
    return { value: null, audit: { action, entity: 'user', entityId: user.id } };
  });
  const session = ctx.sessions.start(ctx.sessionId, user.id, ctx.now.getTime());
  return info(user, session, ws);
}

function activeUser(ctx: CallContext, ws: OpenWorkspace, name: string): User {
  const user = uq.userByName(ws.store, name);
  if (!user || user.disabled) {
    auditRefusal(ctx, name, user ? 'disabled' : 'unknown');
    throw new AppError('AUTH_FAILED', user ? '该账户已停用，请联系管理员。' : '用户名或密码错误。');
  }
  return user;
}

export const sessionHandlers: HandlerMap<
  | 'app.status'
  | 'workspace.create'
  | 'workspace.restore'
  | 'session.login'
  | 'session.recover'
  | 'session.unlock'
  | 'session.lock'
  | 'session.logout'
  | 'session.touch'
  | 'session.changePassword'
> = {
  'app.status': (_input, ctx) => {
    const ws = ctx.workspace.open;
    const session = ctx.sessions.get(ctx.sessionId);
    const user = ws && session ? uq.userById(ws.store, session.userId) : undefined;
    return {
      state: ctx.workspace.state(),
      workspaceDir: ctx.workspace.dir(),
      session: ws && session && user ? info(user, session, ws) : null,
      mode: ctx.mode,
      version: ctx.version,
    };
  },

  'workspace.create': async (input, ctx) => {
    const { adminId, recoveryKey } = await ctx.workspace.create(input.dir, { name: input.adminName, displayName: input.adminDisplayName, password: input.password }, ctx.now);
    const ws = ctx.workspace.require();
    const user = uq.userById(ws.store, adminId);
    if (!user) throw new AppError('INTERNAL', '新建管理员后未能读回。');
    return { recoveryKey, session: beginSession(ctx, ws, user, 'session.login') };
  },

  'workspace.restore': async (input, ctx) => {
    await ctx.workspace.restore(input.from, input.dir);
    return { dir: input.dir };
  },

  'session.login': async (input, ctx) => {
    let ws: OpenWorkspace;
    try {
      ws = await ctx.workspace.unlockWithPassword(input.name, input.password);
    } catch (err) {
      if (err instanceof AppError && err.code === 'AUTH_FAILED') auditRefusal(ctx, input.name, 'password');
      throw err;
    }
    return beginSession(ctx, ws, activeUser(ctx, ws, input.name), 'session.login');
  },

  'session.recover': async (input, ctx) => {
    const ws = await ctx.workspace.unlockWithRecoveryKey(input.recoveryKey);
    const user = uq.userByName(ws.store, input.name);
    if (!user) throw new AppError('NOT_FOUND', `没有登录名为「${input.name}」的用户。`);
    const actor = { userId: user.id, userName: user.name };
    const updated = resetPassword(ctx.domainAs(ws, actor), { keyring: ws.keyring, dataKey: ws.dataKey }, user.id, input.newPassword, 'session.recover');
    return beginSession(ctx, ws, updated, 'session.login');
  },

  'session.unlock': async (input, ctx) => {
    const ws = ctx.workspace.require();
    const session = ctx.sessions.get(ctx.sessionId);
    const user = session && uq.userById(ws.store, session.userId);
    if (!session || !user) throw new AppError('NOT_SIGNED_IN', '没有可解锁的会话，请重新登录。');
    try {
      ws.keyring.unwrap(slotFor(ws, user.name), input.password);
    } catch (err) {
      if (err instanceof AppError && err.code === 'AUTH_FAILED') auditRefusal(ctx, user.name, 'unlock-password');
      throw err;
    }
    activeUser(ctx, ws, user.name);
    session.locked = false;
    session.lastActivity = ctx.now.getTime();
    writeAudited(ctx.domainAs(ws, { userId: user.id, userName: user.name }), () => ({
      value: null,
      audit: { action: 'session.unlock', entity: 'user', entityId: user.id },
    }));
    return info(user, session, ws);
  },

  'session.lock': (_input, ctx) => {
    const session = ctx.sessions.get(ctx.sessionId);
    if (session) session.locked = true;
    writeAudited(ctx.domain(), () => ({ value: null, audit: { action: 'session.lock', entity: 'user', entityId: ctx.user?.id ?? '' } }));
    return null;
  },

  'session.logout': (_input, ctx) => {
    const session = ctx.sessions.end(ctx.sessionId);
    const ws = ctx.workspace.open;
    const user = ws && session ? uq.userById(ws.store, session.userId) : undefined;
    if (ws && user) {
      writeAudited(ctx.domainAs(ws, { userId: user.id, userName: user.name }), () => ({
        value: null,
        audit: { action: 'session.logout', entity: 'user', entityId: user.id },
      }));
    }
    return null;
  },

  'session.touch': () => null,

  'session.changePassword': (input, ctx) => {
    const ws = ctx.workspace.require();
    const user = ctx.user;
    if (!user) throw new AppError('NOT_SIGNED_IN', '请先登录。');
    try {
      ws.keyring.unwrap(slotFor(ws, user.name), input.oldPassword);
    } catch (err) {
      if (err instanceof AppError && err.code === 'AUTH_FAILED') throw new AppError('AUTH_FAILED', '原密码不正确。');
      throw err;
    }
    resetPassword(ctx.domain(), ctx.keys(), user.id, input.newPassword, 'session.changePassword');
    return null;
  },
};
