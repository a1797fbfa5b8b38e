/** Contract area: app and workspace, sessions, users, towns and communities, retirees, audit log, settings, backup. */
import { z } from 'zod';
import { ROLES } from '../roles';
import type { AppStatus, AuditEntry, Community, Page, Person, SessionInfo, Settings, Town, User, VerifyReport } from '../types';
import type { IdCheck } from '../idNumber';
import { code, dateStr, id, method, name, optText, paging, password } from './common';

const personFields = {
  name,
  idNumber: z.string().trim().min(1, '身份证号不能为空').max(30),
  communityId: id,
  phone: optText(40),
  address: optText(200),
  enterprise: optText(100),
  retiredOn: dateStr.nullable().default(null),
  note: optText(500),
};

export const foundationContract = {
  // ── app & workspace (before sign-in) ──
  'app.status': method<AppStatus>()(z.object({}), 'none'),
  'workspace.create': method<{ recoveryKey: string; session: SessionInfo }>()(
    z.object({ dir: z.string().trim().min(1).optional(), adminName: name, adminDisplayName: name, password }),
    'none',
  ),
  'workspace.restore': method<{ dir: string }>()(
    z.object({ from: z.string().trim().min(1, '请填写备份文件路径'), dir: z.string().trim().min(1, '请填写恢复到的文件夹') }),
    'none',
  ),

  // ── session ──
  'session.login': method<SessionInfo>()(z.object({ name, password: z.string().min(1, '请输入密码') }), 'none'),
  'session.recover': method<SessionInfo>()(
    z.object({ recoveryKey: z.string().trim().min(1, '请输入恢复密钥'), name, newPassword: password }),
    'none',
  ),
  'session.unlock': method<SessionInfo>()(z.object({ password: z.string().min(1, '请输入密码') }), 'none'),
  'session.lock': method<null>()(z.object({}), 'session'),
  'session.logout': method<null>()(z.object({}), 'none'),
  'session.touch': method<null>()(z.object({}), 'session'),
  'session.changePassword': method<null>()(z.object({ oldPassword: z.string().min(1), newPassword: password }), 'session'),

  // ── users (admin) ──
  'user.list': method<User[]>()(z.object({}), 'user.manage'),
  'user.add': method<User>()(
    z.object({ name, displayName: name, role: z.enum(ROLES), password }),
    'user.manage',
  ),
  'user.update': method<User>()(
    z.object({ id, displayName: name.optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }),
    'user.manage',
  ),
  'user.resetPassword': method<null>()(z.object({ id, newPassword: password }), 'user.manage'),

  // ── towns & communities ──
  'town.list': method<Town[]>()(z.object({}), 'community.read'),
  'town.add': method<Town>()(z.object({ code, name }), 'community.write'),
  'town.update': method<Town>()(z.object({ id, code, name }), 'community.write'),
  'community.list': method<Community[]>()(z.object({ townId: id.optional() }), 'community.read'),
  'community.add': method<Community>()(z.object({ townId: id, code, name }), 'community.write'),
  'community.update': method<Community>()(z.object({ id, townId: id, code, name }), 'community.write'),

  // ── retirees ──
  'person.search': method<Page<Person>>()(
    z.object({ query: z.string().trim().max(50).default(''), communityId: id.optional(), ...paging }),
    'person.read',
  ),
  'person.get': method<Person>()(z.object({ id }), 'person.read'),
  'person.add': method<Person>()(z.object(personFields), 'person.write'),
  'person.update': method<Person>()(z.object({ id, ...personFields }), 'person.write'),
  'person.checkId': method<IdCheck & { existingPersonId: number | null }>()(
    z.object({ idNumber: z.string().max(30) }),
    'person.read',
  ),

  // ── audit log ──
  'audit.list': method<Page<AuditEntry>>()(
    z.object({
      userName: z.string().trim().max(50).default(''),
      action: z.string().trim().max(50).default(''),
      from: dateStr.optional(),
      to: dateStr.optional(),
      ...paging,
    }),
    'audit.read',
  ),

  // ── settings, integrity, backup ──
  'settings.get': method<Settings>()(z.object({}), 'session'),
  'settings.update': method<Settings>()(
    z.object({ idleLockMinutes: z.number().int().min(1, '至少 1 分钟').max(240, '最多 240 分钟') }),
    'settings.write',
  ),
  'workspace.verify': method<VerifyReport>()(z.object({}), 'backup.run'),
  'backup.create': method<{ file: string; bytes: number }>()(
    z.object({ to: z.string().trim().min(1, '请选择备份保存位置') }),
    'backup.run',
  ),
  'backup.verify': method<VerifyReport>()(z.object({ file: z.string().trim().min(1) }), 'backup.run'),
} as const;
