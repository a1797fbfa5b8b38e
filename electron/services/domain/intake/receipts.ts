/**
 * 回执 awaited back: a receipt not returned within one calendar month of sending is overdue
 * (企业职工档案管理工作规定 art. 19: the sender chases it). Marking one returned is audited.
 */
import { AppError } from '../../../../shared/errors';
import type { ReceiptInfo, ReceiptList } from '../../../../shared/intakeTypes';
import * as hq from '../../db/queries/intakeHoldings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

function utc(d: string): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

/** The same day one calendar month later (31 Jan → 28/29 Feb). */
export function oneMonthAfter(date: string): string {
  const d = utc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))).toISOString().slice(0, 10);
}

export function isOverdue(sentOn: string, returnedOn: string | null, today: string): boolean {
  return returnedOn === null && today > oneMonthAfter(sentOn);
}

function toInfo(r: hq.ReceiptRow, today: string): ReceiptInfo {
  const until = r.returnedOn ?? today;
  return { ...r, daysOutstanding: Math.max(0, Math.round((utc(until).getTime() - utc(r.sentOn).getTime()) / 86_400_000)), overdue: isOverdue(r.sentOn, r.returnedOn, today) };
}

export function listReceipts(
  ctx: DomainContext,
  q: { open?: boolean | undefined; overdueOnly: boolean; kind?: 'intake' | 'transfer_out' | undefined; offset: number; limit: number },
): ReceiptList {
  const today = ctx.now().toISOString().slice(0, 10);
  // Overdue means sent on or before the day a month before today (months differ in length: filter exactly in JS).
  const all = hq.listReceipts(ctx.store, { open: true, kind: q.kind, offset: 0, limit: 1_000_000 }).rows.filter((r) => isOverdue(r.sentOn, r.returnedOn, today));
  if (q.overdueOnly) {
    return { rows: all.slice(q.offset, q.offset + q.limit).map((r) => toInfo(r, today)), total: all.length, overdue: all.length };
  }
  const page = hq.listReceipts(ctx.store, { open: q.open, kind: q.kind, offset: q.offset, limit: q.limit });
  return { rows: page.rows.map((r) => toInfo(r, today)), total: page.total, overdue: all.length };
}

export function markReceiptReturned(ctx: DomainContext, id: number, returnedOn: string, note: string): ReceiptInfo {
  const before = hq.receiptById(ctx.store, id);
  if (!before) throw new AppError('NOT_FOUND', '找不到该回执记录，请刷新后重试。');
  const today = ctx.now().toISOString().slice(0, 10);
  if (before.returnedOn !== null) throw new AppError('CONFLICT', `该回执已于 ${before.returnedOn} 登记退回，不能重复登记。`);
  if (returnedOn < before.sentOn) throw new AppError('VALIDATION', `退回日期不能早于发出日期 ${before.sentOn}，请核对。`, { field: 'returnedOn' });
  if (returnedOn > today) throw new AppError('VALIDATION', `退回日期 ${returnedOn} 晚于今天，请核对。`, { field: 'returnedOn' });
  writeAudited(ctx, (tx) => {
    hq.markReceiptReturned(tx, id, returnedOn, note);
    return { value: null, audit: { action: 'receipt.return', entity: 'receipt', entityId: id, before: { returnedOn: null }, after: { returnedOn, note } } };
  });
  const after = hq.receiptById(ctx.store, id);
  if (!after) throw new AppError('INTERNAL', '回执保存后无法读回。');
  return toInfo(after, today);
}
