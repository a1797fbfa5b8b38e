/**
 * 用户: accounts live in the catalogue; each password exists only as a key slot wrapping the data
 * key, so changing a password re-wraps one slot and a disabled account's slot is removed.
 */
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { ROLE_LABELS } from '../../../shared/roles';
import type { User } from '../../../shared/types';
import * as q from '../db/queries/users';
import type { Keyring } from '../store/api';
import { userSlotId } from '../store';
import type { DomainContext } from './context';
import { writeAudited } from './write';

export interface Keys {
  keyring: Keyring;
  dataKey: Buffer;
}

function requireUser(ctx: Pick<DomainContext, 'store'>, id: number): User {
  const u = q.userById(ctx.store, id);
  if (!u) throw new AppError('NOT_FOUND', '找不到该用户，请刷新后重试。');
  return u;
}

export function slotFor(keys: Pick<Keys, 'keyring'>, name: string): string {
  return userSlotId(keys.keyring.workspaceId, name.toLowerCase());
}

export function addUser(ctx: DomainContext, keys: Keys, input: { name: string; displayName: string; role: Role; password: string }): User {
  if (q.userByName(ctx.store, input.name)) throw new AppError('CONFLICT', `登录名「${input.name}」已被使用，请换一个。`);
  const slot = slotFor(keys, input.name);
  // Slot first: if the catalogue write then fails, the orphan slot is removed; never a user who cannot log in.
  keys.keyring.setSlot(slot, input.password, keys.dataKey);
  try {
    const id = writeAudited(ctx, (tx) => {
      const newId = q.insertUser(tx, { name: input.name, displayName: input.displayName, role: input.role, createdAt: ctx.now().toISOString() });
      return {
        value: newId,
        audit: { action: 'user.add', entity: 'user', entityId: newId, after: { name: input.name, displayName: input.displayName, role: input.role } },
      };
    });
    return requireUser(ctx, id);
  } catch (err) {
    keys.keyring.removeSlot(slot);
    throw err;
  }
}

export function updateUser(
  ctx: DomainContext,
  keys: Keys,
  input: { id: number; displayName?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined },
): User {
  const before = requireUser(ctx, input.id);
  const after = {
    displayName: input.displayName ?? before.displayName,
    role: input.role ?? before.role,
    disabled: input.disabled ?? before.disabled,
  };
  const losesAdmin = before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled);
  if (losesAdmin && q.countActiveAdmins(ctx.store) <= 1) {
    throw new AppError('CONFLICT', `「${before.displayName}」是唯一可用的${ROLE_LABELS.admin}，不能停用或改为其他角色。请先另设一名管理员。`);
  }
  if (input.id === ctx.actor.userId && after.disabled) throw new AppError('CONFLICT', '不能停用自己正在使用的账户。');
  const slot = slotFor(keys, before.name);
  if (before.disabled && !after.disabled && !keys.keyring.hasSlot(slot)) {
    throw new AppError('VALIDATION', '该账户停用时已注销密码。请用「重置密码」为其设置新密码，账户会随之启用。');
  }
  writeAudited(ctx, (tx) => {
    q.updateUser(tx, input.id, after);
    const action = after.disabled !== before.disabled ? (after.disabled ? 'user.disable' : 'user.enable') : 'user.update';
    return {
      value: null,
      audit: {
        action,
        entity: 'user',
        entityId: input.id,
        before: { displayName: before.displayName, role: before.role, disabled: before.disabled },
        after,
      },
    };
  });
  // A disabled account's password must no longer unwrap the data key.
  if (after.disabled && !before.disabled) keys.keyring.removeSlot(slot);
  return requireUser(ctx, input.id);
}

/** Admin reset, or recovery-key reset. Re-enables a disabled account: it now has a password again. */
export function resetPassword(ctx: DomainContext, keys: Keys, id: number, newPassword: string, action = 'user.resetPassword'): User {
  const user = requireUser(ctx, id);
  keys.keyring.setSlot(slotFor(keys, user.name), newPassword, keys.dataKey);
  writeAudited(ctx, (tx) => {
    if (user.disabled) q.updateUser(tx, id, { displayName: user.displayName, role: user.role, disabled: false });
    return { value: null, audit: { action, entity: 'user', entityId: id, after: user.disabled ? { disabled: false } : undefined } };
  });
  return requireUser(ctx, id);
}
