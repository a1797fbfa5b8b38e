/** Execution: check-out by scanning the approved files, return with condition, and the overdue list. */
import type { ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { LendingRequestDetail, OverdueLoan } from '../../../../shared/lendingTypes';
import * as q from '../../db/queries/lending';
import * as hq from '../../db/queries/lendingHoldings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { daysBetween, localDay } from './dates';
import { REQUEST_ENTITY, requestDetail, requireRequest } from './read';
import { refusing } from './refusal';
import type { Clerk } from './requests';
import { checkDue, checkExecutable, effectiveStatus, parseScan, planCheckout } from './rules';

const PHYSICAL = ['查阅', '借阅', '复制', '出具证明'];

export async function checkOut(ctx: DomainContext, clerk: Clerk, input: ParsedInput<'lending.checkout'>): Promise<LendingRequestDetail> {
  const now = ctx.now();
  const today = localDay(now);
  return refusing(ctx, 'lending.checkout', REQUEST_ENTITY, input.requestId, () => {
    const r = requireRequest(ctx.store, input.requestId);
    checkExecutable({ status: effectiveStatus(r, today), type: r.type, expiresOn: r.expiresOn }, PHYSICAL, '实体档案出库（电子查阅请用「打开电子档案」）');
    if (today < r.periodFrom) throw new AppError('CONFLICT', `批准的期限从 ${r.periodFrom} 开始，今天还不能出库。`);
    const loans = q.loansOf(ctx.store, r.id);
    const plan = planCheckout(
      loans.map((l) => ({ archiveNo: l.archiveNo, volumes: JSON.parse(l.volumesJson) as number[], out: l.checkedOutAt !== null })),
      input.archiveNos,
    );
    checkDue(input.due, today, r.periodTo);
    const picked = loans.filter((l) => plan.has(l.archiveNo));
    for (const l of picked) {
      if (l.fileStatus === 'held') continue;
      const other = q.openLoanOfFile(ctx.store, l.fileId);
      const why = l.fileStatus === 'on_loan' ? `已借出${other ? `（申请 ${other.requestId}，应还 ${other.due ?? ''}）` : ''}，归还后才能再借` : l.fileStatus === 'digitizing' ? '正在数字化加工，请待其回库后再出库' : '已转出本馆';
      throw new AppError('CONFLICT', `档案 ${l.archiveNo}（${l.name}）${why}。`);
    }
    const readers = q.readersOf(ctx.store, r.id);
    const takenBy = input.takenBy || readers[0]?.name || '';
    const at = now.toISOString();
    writeAudited(ctx, (tx) => {
      for (const l of picked) {
        q.checkOutLoan(tx, l.id, { at, by: clerk.name, takenBy, volumes: plan.get(l.archiveNo) ?? [], due: input.due });
        q.setFileStatus(tx, l.fileId, 'on_loan', at);
      }
      q.setRequestState(tx, r.id, { status: 'in_use', at, usedAt: at });
      const summary = `${picked.map((l) => `${l.archiveNo} 第${(plan.get(l.archiveNo) ?? []).join('、')}卷`).join('；')}，取件人 ${takenBy}，应还 ${input.due}`;
      return { value: null, audit: { action: 'lending.checkout', entity: REQUEST_ENTITY, entityId: r.id, after: { summary, files: picked.map((l) => l.archiveNo), due: input.due } } };
    });
    return requestDetail(ctx.store, r.id, today);
  });
}

export async function returnFiles(ctx: DomainContext, clerk: Clerk, input: ParsedInput<'lending.return'>): Promise<LendingRequestDetail> {
  const now = ctx.now();
  const today = localDay(now);
  const target = input.requestId ?? input.archiveNo ?? '';
  return refusing(ctx, 'lending.return', REQUEST_ENTITY, target, () => {
    let requestId: number;
    let out: q.LoanRow[];
    if (input.archiveNo !== undefined) {
      const file = hq.fileByArchiveNo(ctx.store, parseScan(input.archiveNo).archiveNo);
      if (!file) throw new AppError('NOT_FOUND', `馆藏中没有档号为 ${input.archiveNo} 的档案。请核对后重新扫描。`);
      const loan = q.openLoanOfFile(ctx.store, file.fileId);
      if (!loan) throw new AppError('CONFLICT', `档案 ${file.archiveNo}（${file.name}）没有借出，无需归还。请核对所扫档案。`);
      if (input.requestId !== undefined && loan.requestId !== input.requestId) {
        throw new AppError('CONFLICT', `档案 ${file.archiveNo} 是按另一份申请借出的，不属于这份申请。`);
      }
      requestId = loan.requestId;
      out = [loan];
    } else {
      requestId = input.requestId ?? 0;
      requireRequest(ctx.store, requestId);
      out = q.loansOf(ctx.store, requestId).filter((l) => l.checkedOutAt !== null && l.returnedAt === null);
      if (out.length === 0) throw new AppError('CONFLICT', '这份申请没有尚未归还的档案，无需归还。');
    }
    const at = now.toISOString();
    writeAudited(ctx, (tx) => {
      for (const l of out) {
        q.returnLoan(tx, l.id, { at, returnedBy: input.returnedBy, receivedBy: clerk.name, condition: input.condition, note: input.conditionNote });
        // Back to 'held': storage keeps the shelf position, so the file is home again.
        q.setFileStatus(tx, l.fileId, 'held', at);
      }
      const stillOut = q.loansOf(tx, requestId).filter((l) => l.checkedOutAt !== null && l.returnedAt === null).length;
      if (stillOut === 0) q.setRequestState(tx, requestId, { status: 'completed', at, closedAt: at });
      const summary = `${out.map((l) => l.archiveNo).join('、')}，归还人 ${input.returnedBy}，${input.condition}${input.conditionNote ? `（${input.conditionNote}）` : ''}`;
      return { value: null, audit: { action: 'lending.return', entity: REQUEST_ENTITY, entityId: requestId, after: { summary, files: out.map((l) => l.archiveNo), condition: input.condition } } };
    });
    return requestDetail(ctx.store, requestId, today);
  });
}

export function overdueLoans(ctx: DomainContext): OverdueLoan[] {
  const today = localDay(ctx.now());
  return q.openLoans(ctx.store).flatMap((l) => {
    if (l.due === null || l.due >= today) return [];
    const r = q.requestById(ctx.store, l.requestId);
    const reader = q.readersOf(ctx.store, l.requestId)[0];
    if (!r) return [];
    return [{
      requestId: r.id,
      requestNo: r.requestNo,
      archiveNo: l.archiveNo,
      name: l.name,
      due: l.due,
      daysOverdue: daysBetween(l.due, today),
      borrower: l.takenBy ?? reader?.name ?? '',
      unit: r.unit,
      contact: reader?.contact ?? '',
    }];
  });
}
