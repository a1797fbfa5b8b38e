/** Filing a request (登记查借阅申请), withdrawing it, and the lists the screens show. */
import { CLASSES } from '../../../../shared/archiveClasses';
import type { ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { LendingRequestDetail, LendingRequestSummary, RequestStatus } from '../../../../shared/lendingTypes';
import * as hq from '../../db/queries/lendingHoldings';
import * as q from '../../db/queries/lending';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { localDay } from './dates';
import { REQUEST_ENTITY, requestDetail, requireRequest, summarise } from './read';
import { refusing } from './refusal';
import { checkPeriod, checkPurpose, checkReaders, effectiveStatus } from './rules';
import { lendingSettings } from './settings';

/** The signed-in user as lending records them (display name on forms). */
export interface Clerk {
  id: number;
  name: string;
}

const KNOWN_CLASSES = new Set([...CLASSES.enterprise, ...CLASSES.cadre].map((c) => c.code));

function resolveFiles(ctx: DomainContext, input: ParsedInput<'lending.request.create'>): { file: hq.HeldFileRow; volumes: number[]; classes: string[]; items: string[] }[] {
  const seen = new Set<number>();
  return input.files.map((f) => {
    const file = hq.fileByArchiveNo(ctx.store, f.archiveNo);
    if (!file) throw new AppError('NOT_FOUND', `馆藏中没有档号为 ${f.archiveNo} 的档案。请核对档号，或按姓名、身份证号查找。`, { field: 'files' });
    if (seen.has(file.fileId)) throw new AppError('VALIDATION', `档案 ${file.archiveNo} 在申请中重复出现，请删去重复的一行。`, { field: 'files' });
    seen.add(file.fileId);
    if (file.status === 'transferred_out') throw new AppError('CONFLICT', `档案 ${file.archiveNo}（${file.name}）已转出本馆，不能查借阅。`);
    if (input.type !== '电子查阅' && file.status === 'on_loan') {
      const loan = q.openLoanOfFile(ctx.store, file.fileId);
      throw new AppError('CONFLICT', `档案 ${file.archiveNo}（${file.name}）已借出${loan?.due ? `，应于 ${loan.due} 归还` : ''}，不能再借。请待归还后再申请，或申请电子查阅。`);
    }
    if (input.type === '电子查阅' && hq.digitalPagesOfPerson(ctx.store, file.personId) === 0) {
      throw new AppError('CONFLICT', `档案 ${file.archiveNo}（${file.name}）尚未数字化，不能电子查阅。请改为到阅档室查阅。`);
    }
    const bad = f.volumes.filter((v) => v > file.volumes);
    if (bad.length > 0) throw new AppError('VALIDATION', `档案 ${file.archiveNo} 共 ${file.volumes} 卷，没有第 ${bad.join('、')} 卷。`, { field: 'files' });
    const unknown = f.classes.filter((c) => !KNOWN_CLASSES.has(c));
    if (unknown.length > 0) throw new AppError('VALIDATION', `没有类别「${unknown.join('、')}」。类别应为 1–10 或 4-1…4-4、9-1…9-4。`, { field: 'files' });
    const badItems = f.items.filter((i) => !/^\d{1,2}(-\d)?-\d{1,4}$/.test(i));
    if (badItems.length > 0) throw new AppError('VALIDATION', `材料序号「${badItems.join('、')}」格式不对，应如 4-3 或 4-1-3（类号-件号）。`, { field: 'files' });
    const volumes = f.volumes.length > 0 ? [...new Set(f.volumes)].sort((a, b) => a - b) : Array.from({ length: file.volumes }, (_, i) => i + 1);
    return { file, volumes, classes: [...new Set(f.classes)], items: [...new Set(f.items)] };
  });
}

export async function createRequest(ctx: DomainContext, clerk: Clerk, input: ParsedInput<'lending.request.create'>): Promise<LendingRequestDetail> {
  const now = ctx.now();
  const today = localDay(now);
  const draft = `${input.unit} ${input.readers.map((r) => r.name).join('、')}`;
  return refusing(ctx, 'lending.request.create', REQUEST_ENTITY, draft, () => {
    const settings = lendingSettings(ctx.store);
    checkPurpose(input.purpose, input.purposeOther);
    checkPeriod({ from: input.periodFrom, to: input.periodTo, note: input.note, limitDays: settings.loanLimitDays, today });
    const files = resolveFiles(ctx, input);
    const ids = checkReaders(input.readers, files.map((f) => f.file), now);
    const year = Number(today.slice(0, 4));
    const id = writeAudited(ctx, (tx) => {
      const seq = q.nextRequestSeq(tx, year);
      const requestNo = `CJ${year}-${String(seq).padStart(4, '0')}`;
      const requestId = q.insertRequest(tx, {
        requestNo, year, seq, type: input.type, purpose: input.purpose, purposeOther: input.purposeOther, unit: input.unit,
        letterNo: input.letterNo, periodFrom: input.periodFrom, periodTo: input.periodTo, note: input.note,
        levelsRequired: settings.secondLevelApproval ? 2 : 1, enteredBy: clerk.id, enteredByName: clerk.name, at: now.toISOString(),
      });
      input.readers.forEach((r, i) => q.insertReader(tx, requestId, i + 1, { ...r, idNumber: ids[i] ?? r.idNumber }));
      files.forEach((f, i) => q.insertLoan(tx, { requestId, fileId: f.file.fileId, ord: i + 1, volumes: f.volumes, classes: f.classes, items: f.items }));
      const summary = `${requestNo} ${input.type} ${files.map((f) => f.file.archiveNo).join('、')}`;
      return { value: requestId, audit: { action: 'lending.request.create', entity: REQUEST_ENTITY, entityId: requestId, after: { summary, unit: input.unit, readers: input.readers.map((r) => r.name) } } };
    });
    return requestDetail(ctx.store, id, today);
  });
}

export async function cancelRequest(ctx: DomainContext, id: number, reason: string): Promise<LendingRequestDetail> {
  const today = localDay(ctx.now());
  return refusing(ctx, 'lending.request.cancel', REQUEST_ENTITY, id, () => {
    const r = requireRequest(ctx.store, id);
    const status = effectiveStatus(r, today);
    if (status !== 'pending' && status !== 'approved' && status !== 'expired') {
      throw new AppError('CONFLICT', `这份申请当前为「${status === 'in_use' ? '使用中' : '已结束'}」，不能撤销。`);
    }
    writeAudited(ctx, (tx) => {
      q.setRequestState(tx, id, { status: 'cancelled', at: ctx.now().toISOString(), closedAt: ctx.now().toISOString(), cancelReason: reason });
      return { value: null, audit: { action: 'lending.request.cancel', entity: REQUEST_ENTITY, entityId: id, before: { status }, after: { summary: reason } } };
    });
    return requestDetail(ctx.store, id, today);
  });
}

export interface ListFilter {
  status?: RequestStatus | undefined;
  mine: boolean;
  queue: boolean;
  overdue: boolean;
  query: string;
  offset: number;
  limit: number;
}

export function listRequests(ctx: DomainContext, me: Clerk, f: ListFilter): { rows: LendingRequestSummary[]; total: number } {
  const today = localDay(ctx.now());
  const needle = f.query.toUpperCase();
  const rows = q.allRequests(ctx.store).flatMap((r) => {
    if (f.mine && r.enteredBy !== me.id) return [];
    const s = summarise(ctx.store, r, today);
    if (f.status && s.status !== f.status) return [];
    if (f.overdue && !s.overdue) return [];
    if (f.queue) {
      if (s.status !== 'pending' || r.enteredBy === me.id) return [];
      if (q.approvalsOf(ctx.store, r.id).some((a) => a.userId === me.id)) return [];
    }
    if (needle && ![s.requestNo, s.unit, s.readers, s.files].some((t) => t.toUpperCase().includes(needle))) return [];
    return [s];
  });
  return { rows: rows.slice(f.offset, f.offset + f.limit), total: rows.length };
}
