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
  ItemEntry,
  Job,
  Page,
  PageInfo,
  Volume,
  Person,
  SessionInfo,
  Settings,
  Town,
  User,
  VerifyReport,
} from './types';
import type { IdCheck } from './idNumber';
import type { SequenceProblem } from './pageCounting';

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

  // ── digitization: volumes, pages, item list (卷内目录), background jobs ──
  'volume.list': method<Volume[]>()(z.object({ personId: id.optional(), status: z.enum(['scanning', 'accepted']).optional() }), 'digitize.read'),
  'volume.create': method<Volume>()(
    z.object({ personId: id, scheme: z.enum(['enterprise', 'cadre']), archiveNo: z.string().trim().max(40).nullable().default(null) }),
    'digitize.write',
  ),
  'volume.update': method<Volume>()(
    z.object({ id, scheme: z.enum(['enterprise', 'cadre']).optional(), archiveNo: z.string().trim().max(40).nullable().optional() }),
    'digitize.write',
  ),
  'volume.accept': method<Volume>()(z.object({ id }), 'digitize.write'),
  'volume.export': method<{ jobId: string }>()(
    z.object({ id, dir: z.string().trim().min(1, '请选择导出位置'), pdf: z.boolean().default(true), folder: z.boolean().default(true) }),
    'digitize.read',
  ),
  'page.list': method<{ pages: PageInfo[]; pageCount: number; sequenceProblems: SequenceProblem[] }>()(z.object({ volumeId: id }), 'digitize.read'),
  'page.image': method<{ mime: string; base64: string; width: number; height: number }>()(
    z.object({ pageId: id, variant: z.enum(['thumb', 'full', 'original']).default('full') }),
    'digitize.read',
  ),
  'page.text': method<{ text: string; words: { text: string; bbox: [number, number, number, number]; confidence: number }[] }>()(
    z.object({ pageId: id }),
    'digitize.read',
  ),
  'page.rotate': method<PageInfo>()(z.object({ pageId: id, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }), 'digitize.write'),
  /** The clerk's override of a processing step; the page is reprocessed from its original. */
  'page.adjust': method<PageInfo>()(
    z
      .object({
        pageId: id,
        skewDegrees: z.number().min(-10, '纠偏角度应在 −10° 到 10° 之间').max(10, '纠偏角度应在 −10° 到 10° 之间').optional(),
        crop: z.boolean().optional(),
        colour: z.boolean().optional(),
      })
      .refine((v) => v.skewDegrees !== undefined || v.crop !== undefined || v.colour !== undefined, '请指定要调整的项目：纠偏角度、裁边或彩色/灰度。'),
    'digitize.write',
  ),
  'page.setKind': method<PageInfo>()(z.object({ pageId: id, kind: z.enum(['page', 'blank', 'cover']) }), 'digitize.write'),
  'page.setPrintedNumber': method<PageInfo>()(z.object({ pageId: id, printedNumber: z.number().int().min(0).max(99999).nullable() }), 'digitize.write'),
  'page.move': method<null>()(z.object({ pageId: id, toPosition: z.number().int().min(1) }), 'digitize.write'),
  'page.delete': method<null>()(z.object({ pageId: id }), 'digitize.write'),
  'page.undo': method<{ undone: string | null }>()(z.object({ volumeId: id }), 'digitize.write'),
  'page.import': method<{ jobId: string }>()(
    z.object({ volumeId: id, files: z.array(z.string().trim().min(1)).min(1, '请选择要导入的文件').max(5000), insertAt: z.number().int().min(1).optional() }),
    'digitize.write',
  ),
  'page.upload': method<{ jobId: string }>()(
    z.object({ volumeId: id, name: z.string().trim().min(1).max(200), base64: z.string().min(1).max(80_000_000), insertAt: z.number().int().min(1).optional() }),
    'digitize.write',
  ),
  'page.watch': method<{ jobId: string }>()(z.object({ volumeId: id, dir: z.string().trim().min(1, '请选择扫描仪保存图像的文件夹') }), 'digitize.write'),
  'scanner.status': method<{ available: boolean; devices: { name: string; label: string }[]; message: string }>()(z.object({}), 'digitize.read'),
  'page.scan': method<{ jobId: string }>()(
    z.object({ volumeId: id, device: z.string().trim().max(200).optional(), duplex: z.boolean().default(true), resolution: z.number().int().min(300).max(1200).default(300), colour: z.boolean().default(true) }),
    'digitize.write',
  ),
  'job.get': method<Job>()(z.object({ jobId: z.string().min(1).max(64) }), 'digitize.read'),
  'job.cancel': method<Job>()(z.object({ jobId: z.string().min(1).max(64) }), 'digitize.write'),
  'item.list': method<ItemEntry[]>()(z.object({ volumeId: id }), 'digitize.read'),
  'item.save': method<ItemEntry>()(
    z.object({
      volumeId: id,
      id: id.optional(),
      startPageId: id,
      classCode: z.string().trim().min(1, '请选择类别').max(8),
      title: z.string().trim().min(1, '请填写材料名称').max(200),
      formedOn: dateStr.nullable().default(null),
      note: optText(200),
    }),
    'digitize.write',
  ),
  'item.delete': method<null>()(z.object({ id }), 'digitize.write'),
  'item.suggest': method<{ title: string; formedOn: string | null }>()(z.object({ pageId: id }), 'digitize.read'),
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
