/** CLI commands for the lending area: `lending request|approve|reject|checkout|return|list|overdue|register`. */
import path from 'node:path';
import type { Input } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import {
  LENDING_PURPOSES, LENDING_TYPES, READER_RELATIONS, REQUEST_STATUSES, REQUEST_STATUS_LABELS, RETURN_CONDITIONS,
  type LendingRequestDetail,
} from '../../../shared/lendingTypes';
import { call, need, withSession, type Command, type Values } from './session';

const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string).trim() : undefined);
const list = (s: string): string[] => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('VALIDATION', `${what}「${value}」不在可选范围内，可选：${allowed.join('、')}。`);
}

function id(v: Values): number {
  const n = Number(need(v, 'id'));
  if (!Number.isInteger(n) || n <= 0) throw new AppError('VALIDATION', '--id 应为申请的编号（正整数），可用 lending list 查看。');
  return n;
}

function readers(spec: string): Input<'lending.request.create'>['readers'] {
  return spec.split(/[;；]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const f = s.split(/[,，]/).map((x) => x.trim());
    if (f.length < 6) throw new AppError('VALIDATION', `查阅人「${s}」信息不全。格式：姓名,身份证号,单位,职务,政治面貌,电话[,与当事人关系]；多人用 ; 分隔。`);
    const [name = '', idNumber = '', unit = '', post = '', political = '', contact = '', relation = '无亲属关系'] = f;
    return { name, idNumber, unit, post, political, contact, relation: oneOf(relation, READER_RELATIONS, '与当事人关系') };
  });
}

function describe(r: LendingRequestDetail): string {
  const files = r.fileList.map((f) => `  ${f.archiveNo} ${f.name}（${f.scope}）${f.checkedOutAt ? (f.returnedAt ? ` 已归还 ${f.returnedAt}` : ` 已出库，应还 ${f.due ?? ''}`) : ''}`);
  return [`${r.requestNo}（编号 ${r.id}）${r.type} ${r.unit}：${REQUEST_STATUS_LABELS[r.status]}${r.awaitingLevel ? `，待第 ${r.awaitingLevel} 级审批` : ''}`, ...files].join('\n');
}

const lendingCommandMap: Record<string, Command> = {
  'lending request': (v, out) =>
    withSession(v, async (core) => {
      const r = await call(core, 'lending.request.create', {
        type: oneOf(need(v, 'type'), LENDING_TYPES, '类型'),
        purpose: oneOf(need(v, 'purpose'), LENDING_PURPOSES, '用途'),
        purposeOther: str(v, 'purpose-other') ?? '',
        unit: need(v, 'unit'),
        letterNo: str(v, 'letter') ?? '',
        readers: readers(need(v, 'reader')),
        files: list(need(v, 'archive')).map((archiveNo) => ({ archiveNo })),
        periodFrom: need(v, 'from'),
        periodTo: need(v, 'to'),
        note: str(v, 'note') ?? '',
      });
      out.result(`已登记 ${describe(r)}`, r);
      return 0;
    }),

  'lending approve': (v, out) =>
    withSession(v, async (core) => {
      const r = await call(core, 'lending.approve', { id: id(v), opinion: str(v, 'opinion') ?? '' });
      out.result(`已审批 ${describe(r)}`, r);
      return 0;
    }),

  'lending reject': (v, out) =>
    withSession(v, async (core) => {
      const r = await call(core, 'lending.reject', { id: id(v), opinion: need(v, 'opinion') });
      out.result(`已驳回 ${describe(r)}`, r);
      return 0;
    }),

  'lending checkout': (v, out) =>
    withSession(v, async (core) => {
      const r = await call(core, 'lending.checkout', { requestId: id(v), archiveNos: list(need(v, 'archive')), due: need(v, 'due'), takenBy: str(v, 'taken-by') ?? '' });
      out.result(`已出库 ${describe(r)}`, r);
      return 0;
    }),

  'lending return': (v, out) =>
    withSession(v, async (core) => {
      const archive = str(v, 'archive');
      const requestId = str(v, 'id') !== undefined ? id(v) : undefined;
      if (!archive && requestId === undefined) throw new AppError('VALIDATION', '请用 --id 指定申请，或用 --archive 给出归还的档号。');
      const r = await call(core, 'lending.return', {
        ...(requestId !== undefined ? { requestId } : {}),
        ...(archive ? { archiveNo: archive } : {}),
        condition: oneOf(str(v, 'condition') ?? '完好', RETURN_CONDITIONS, '归还状况'),
        conditionNote: str(v, 'note') ?? '',
        returnedBy: need(v, 'returned-by'),
      });
      out.result(`已归还 ${describe(r)}`, r);
      return 0;
    }),

  'lending list': (v, out) =>
    withSession(v, async (core) => {
      const status = str(v, 'status');
      const page = await call(core, 'lending.request.list', {
        ...(status ? { status: oneOf(status, REQUEST_STATUSES, '状态') } : {}),
        mine: v.mine === true,
        queue: v.queue === true,
        overdue: v.overdue === true,
        query: str(v, 'query') ?? '',
        limit: 500,
      });
      const rows = page.rows.map((r) => ({ ...r, statusLabel: REQUEST_STATUS_LABELS[r.status] }));
      out.result(
        out.table(rows, [['id', '编号'], ['requestNo', '申请单号'], ['type', '类型'], ['unit', '申请单位'], ['readers', '查阅人'], ['files', '档案'], ['statusLabel', '状态'], ['periodTo', '期限至']]),
        page,
      );
      return 0;
    }),

  'lending overdue': (v, out) =>
    withSession(v, async (core) => {
      const rows = await call(core, 'lending.overdue', {});
      out.result(out.table(rows as unknown as Record<string, unknown>[], [['requestNo', '申请单号'], ['archiveNo', '档号'], ['name', '姓名'], ['due', '应还日期'], ['daysOverdue', '逾期天数'], ['borrower', '借阅人'], ['contact', '联系电话']]), rows);
      return 0;
    }),

  'lending register': (v, out) =>
    withSession(v, async (core) => {
      const file = path.resolve(need(v, 'out'));
      const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf';
      const r = await call(core, 'lending.register', { from: need(v, 'from'), to: need(v, 'to'), format, toPath: file });
      out.result(`已生成 ${r.document.title}：${r.file ?? ''}`, r);
      return 0;
    }),
};

export const lendingCommands: Record<string, Command> = lendingCommandMap;

/** Usage lines for these commands (each line ends with a newline), shown by `npm run -s cli`. */
export const lendingUsage = `  lending request  --data DIR --user NAME --type 借阅 --purpose 户口迁移 --unit 单位 [--letter 函号]
                   --reader "姓名,身份证号,单位,职务,政治面貌,电话[,关系]" --archive 档号[,档号] --from DATE --to DATE [--note 理由]
  lending approve  --data DIR --user NAME --id N [--opinion 意见]
  lending reject   --data DIR --user NAME --id N --opinion 意见
  lending checkout --data DIR --user NAME --id N --archive 档号[/卷号][,…] --due DATE [--taken-by 取件人]
  lending return   --data DIR --user NAME (--id N | --archive 档号) --returned-by 归还人 [--condition 完好] [--note 说明]
  lending list     --data DIR [--status pending|approved|…] [--mine] [--queue] [--overdue] [--query 文本] [--json]
  lending overdue  --data DIR [--json]
  lending register --data DIR --from DATE --to DATE --out 登记簿.pdf|.xlsx
`;
