/**
 * The one typed contract for every call the renderer makes. Inputs are zod schemas (validated by
 * the core before any handler runs, whatever the transport: Electron IPC, loopback HTTP or the CLI);
 * outputs are TypeScript types. `perm` names the permission the caller's role must hold; `auth`
 * says whether a signed-in, unlocked session is needed at all.
 */
import { z } from 'zod';
import type { Permission } from './roles';
import { ROLES } from './roles';
import type {
  AppStatus,
  AuditEntry,
  Community,
  Page,
  Person,
  SessionInfo,
  Settings,
  Town,
  User,
  VerifyReport,
} from './types';
import type { IdCheck } from './idNumber';

// Validation messages zod writes itself (wrong type, missing field) come out in Chinese too.
z.config(z.locales.zhCN());

declare const OUT: unique symbol;
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** 'none': callable before sign-in; 'session': any unlocked session; a Permission: that too. */
  auth: 'none' | 'session' | Permission;
  /** Phantom: carries the output type only. */
  readonly [OUT]?: O;
}
function method<O>() {
  return <I extends z.ZodType>(input: I, auth: MethodSpec<I, O>['auth']): MethodSpec<I, O> => ({ input, auth });
}

const name = z.string().trim().min(1, '不能为空').max(50, '不能超过 50 个字');
const password = z.string().min(8, '密码至少 8 位').max(200);
const id = z.number().int().positive();
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
const optText = (max: number) => z.string().trim().max(max).default('');
const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const code = z.string().trim().regex(/^[0-9A-Za-z]{1,12}$/, '代码只能由字母和数字组成（1–12 位）');

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

export const contract = {
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}

/** The single IPC channel and HTTP path every call travels on. */
export const IPC_CHANNEL = 'archivedesk:call';
export const HTTP_CALL_PATH = '/api/call';
