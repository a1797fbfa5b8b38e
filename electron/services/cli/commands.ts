/** One entry per CLI command; each runs the same core calls the app makes. */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { isRole } from '../../../shared/roles';
import type { Person, VerifyReport } from '../../../shared/types';
import { resolveCommunity } from '../domain/communities';
import { restoreBackupFile } from '../store';
import type { Output } from './output';
import { readSecret } from './password';
import { call, coreFor, need, withSession, type Command } from './session';
import { lendingCommands, lendingUsage } from './lendingCommands';
import { storageCommands, storageUsage } from './storageCommands';

function printReport(out: Output, report: VerifyReport): number {
  const c = report.checked;
  const human = [
    report.ok ? '校验通过：未发现问题。' : `校验发现 ${report.problems.length} 个问题：`,
    ...report.problems.map((p) => `  [${p.kind}] ${p.file}：${p.message}`),
    `已检查：快照 ${c.snapshots} 个，日志记录 ${c.journalRecords} 条，文件 ${c.blobs} 个，操作日志 ${c.auditEntries} 条。`,
  ].join('\n');
  out.result(human, report);
  return report.ok ? 0 : 2;
}

export const commands: Record<string, Command> = {
  init: async (v, out) => {
    const admin = need(v, 'admin');
    const password = await readSecret('ARCHIVE_PASSWORD', '新管理员密码：');
    const core = coreFor(v);
    try {
      const r = await call(core, 'workspace.create', {
        adminName: admin,
        adminDisplayName: typeof v.display === 'string' ? v.display : admin,
        password,
      });
      out.result(`档案库已创建。恢复密钥（只显示这一次，请打印或抄写后妥善保管）：\n${r.recoveryKey}`, {
        recoveryKey: r.recoveryKey,
        admin,
      });
      return 0;
    } finally {
      await core.close();
    }
  },

  'user add': (v, out) =>
    withSession(v, async (core) => {
      const role = need(v, 'role');
      if (!isRole(role)) throw new AppError('VALIDATION', '角色应为 admin、supervisor、intake 或 clerk 之一。');
      const password = process.env.NEW_USER_PASSWORD;
      if (!password) throw new AppError('VALIDATION', '请用环境变量 NEW_USER_PASSWORD 提供新用户的初始密码。');
      const name = need(v, 'name');
      const user = await call(core, 'user.add', { name, displayName: typeof v.display === 'string' ? v.display : name, role, password });
      out.result(String(user.id), user);
      return 0;
    }),

  'user list': (v, out) =>
    withSession(v, async (core) => {
      const users = await call(core, 'user.list', {});
      out.result(out.table(users as unknown as Record<string, unknown>[], [['id', 'ID'], ['name', '登录名'], ['displayName', '姓名'], ['role', '角色'], ['disabled', '停用']]), users);
      return 0;
    }),

  'town add': (v, out) =>
    withSession(v, async (core) => {
      const town = await call(core, 'town.add', { code: need(v, 'code'), name: need(v, 'name') });
      out.result(String(town.id), town);
      return 0;
    }),

  'community add': (v, out) =>
    withSession(v, async (core) => {
      const townRef = need(v, 'town');
      const towns = await call(core, 'town.list', {});
      const town = towns.find((t) => t.name === townRef || t.code === townRef);
      if (!town) throw new AppError('NOT_FOUND', `找不到乡镇（街道）「${townRef}」，请先用 town add 添加。`);
      const c = await call(core, 'community.add', { townId: town.id, code: need(v, 'code'), name: need(v, 'name') });
      out.result(String(c.id), c);
      return 0;
    }),

  'community list': (v, out) =>
    withSession(v, async (core) => {
      const list = await call(core, 'community.list', {});
      out.result(out.table(list as unknown as Record<string, unknown>[], [['id', 'ID'], ['townName', '乡镇（街道）'], ['code', '代码'], ['name', '社区'], ['personCount', '人数']]), list);
      return 0;
    }),

  'person add': (v, out) =>
    withSession(v, async (core) => {
      const ws = core.workspace.require();
      const community = resolveCommunity({ store: ws.store }, need(v, 'community'));
      const person = await call(core, 'person.add', {
        name: need(v, 'name'),
        idNumber: need(v, 'id'),
        communityId: community.id,
        phone: typeof v.phone === 'string' ? v.phone : '',
      });
      // Printed only now: person.add returned, so the journal record is fsync'd.
      out.result(String(person.id), person);
      return 0;
    }),

  'person list': (v, out) =>
    withSession(v, async (core) => {
      const all: Person[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await call(core, 'person.search', { query: typeof v.query === 'string' ? v.query : '', offset, limit: 500 });
        all.push(...page.rows);
        if (all.length >= page.total || page.rows.length === 0) break;
      }
      const human = out.table(all as unknown as Record<string, unknown>[], [['id', 'ID'], ['name', '姓名'], ['idNumber', '身份证号'], ['townName', '乡镇（街道）'], ['communityName', '社区']]);
      out.result(human, all);
      return 0;
    }),

  verify: async (v, out) => {
    try {
      return await withSession(v, async (core) => printReport(out, await call(core, 'workspace.verify', {})));
    } catch (err) {
      // Opening itself failed on damaged files: that is the verification result.
      if (err instanceof AppError && err.code === 'INTEGRITY') {
        return printReport(out, {
          ok: false,
          checked: { snapshots: 0, journalRecords: 0, blobs: 0, auditEntries: 0 },
          problems: [{ kind: 'snapshot', file: String(v.data), message: err.message }],
        });
      }
      throw err;
    }
  },

  backup: (v, out) =>
    withSession(v, async (core) => {
      const r = await call(core, 'backup.create', { to: path.resolve(need(v, 'to')) });
      out.result(`备份完成：${r.file}（${r.bytes} 字节）`, r);
      return 0;
    }),

  'backup verify': (v, out) =>
    withSession(v, async (core) => printReport(out, await call(core, 'backup.verify', { file: path.resolve(need(v, 'from')) }))),

  // Loaded on use: the image and OCR libraries it needs would slow every other command's start.
  'intake check': async (v, out) => (await import('./intake')).runIntakeCheck(v, out),

  // Loaded on use, like intake check: sharp and the OCR pool are heavy to start.
  'pages process': async (v, out) => (await import('./pages')).runPagesProcess(v, out),

  restore: async (v, out) => {
    const from = path.resolve(need(v, 'from'));
    const dir = path.resolve(need(v, 'data'));
    await restoreBackupFile(from, dir);
    out.result(`已从 ${from} 恢复到 ${dir}。请用原有账户登录。`, { from, dir });
    return 0;
  },
  ...storageCommands,
  ...lendingCommands,
};

export function usage(): string {
  return `档案工作站命令行（口令从环境变量 ARCHIVE_PASSWORD 或标准输入读取，绝不作为参数）
用法：npm run -s cli -- <命令> [选项] [--json]

  init --data DIR --admin NAME [--display 姓名]        创建档案库，打印恢复密钥
  user add --data DIR --name NAME --role admin|supervisor|intake|clerk [--display 姓名]
                                                       新用户密码取自 NEW_USER_PASSWORD
  user list --data DIR
  town add --data DIR --code CODE --name 名称
  community add --data DIR --town 乡镇名或代码 --code CODE --name 名称
  community list --data DIR
  person add --data DIR --name 姓名 --id 身份证号 --community 社区名（或 街道/社区）
  person list --data DIR [--query 姓名或身份证号]
  verify --data DIR                                    校验快照、日志、文件与操作日志链
  backup --data DIR --to FILE|DIR                       加密备份
  backup verify --data DIR --from FILE                 校验备份文件
  restore --from FILE --data DIR                       从备份恢复到空文件夹
  intake check --roster FILE --package DIR [--skew-limit 度] [--no-page-numbers]
                                                       核验移交名册与数字副本（不需要档案库；发现的问题也以退出码 0 结束）
  pages process IN_DIR --out OUT_DIR                   处理文件夹中的每张图像（方向、纠偏、裁边、空白、色彩、文字识别），
                                                       处理后的 JPEG 写入 OUT_DIR（不需要档案库；坏页单独报错，其余照常处理）
${storageUsage}${lendingUsage}
通用选项：--user NAME（默认第一位管理员） --json（只输出 JSON）
退出码：0 成功；1 用户可更正的问题；2 数据完整性问题。
`;
}
