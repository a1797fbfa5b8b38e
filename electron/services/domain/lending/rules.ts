/**
 * The rules of domain.md §8 as pure functions: each returns nothing when the step is allowed and
 * throws an AppError with the plain reason when it is not. The flows call them before writing.
 */
import { AppError } from '../../../../shared/errors';
import { checkIdNumber, normaliseIdNumber } from '../../../../shared/idNumber';
import { DIRECT_RELATIONS, type ReaderRelation, type RequestStatus } from '../../../../shared/lendingTypes';
import { addDays, daysBetween } from './dates';

export interface ReaderInput {
  name: string;
  idNumber: string;
  relation: ReaderRelation;
}
export interface FilePerson {
  archiveNo: string;
  name: string;
  idNumber: string;
}

/** Valid ID numbers; nobody reads their own file; declared direct relatives are refused. Returns the normalised IDs. */
export function checkReaders(readers: readonly ReaderInput[], files: readonly FilePerson[], today: Date): string[] {
  return readers.map((r) => {
    const check = checkIdNumber(r.idNumber, today);
    if (!check.ok) throw new AppError('VALIDATION', `查阅人「${r.name}」的${check.message}`, { field: 'idNumber' });
    const own = files.find((f) => normaliseIdNumber(f.idNumber) === check.idNumber);
    if (own) {
      throw new AppError('VALIDATION', `查阅人「${r.name}」就是档案 ${own.archiveNo}（${own.name}）的本人。按规定本人不得查阅、借阅自己的档案，请由组织另行办理。`);
    }
    if (DIRECT_RELATIONS.includes(r.relation)) {
      throw new AppError('VALIDATION', `查阅人「${r.name}」申报为档案当事人的${r.relation}（直系亲属）。按规定直系亲属不得查阅、借阅，请由其单位另派无亲属关系的人员办理。`);
    }
    return check.idNumber;
  });
}

/** The requested period: in order, not in the past, and a note when it is longer than the limit. */
export function checkPeriod(p: { from: string; to: string; note: string; limitDays: number; today: string }): void {
  if (p.to < p.from) throw new AppError('VALIDATION', `期限的结束日期 ${p.to} 早于开始日期 ${p.from}，请改正。`, { field: 'periodTo' });
  if (p.from < p.today) throw new AppError('VALIDATION', `期限的开始日期 ${p.from} 已过，请从今天（${p.today}）或以后开始。`, { field: 'periodFrom' });
  const days = daysBetween(p.from, p.to) + 1;
  if (days > p.limitDays && p.note.trim() === '') {
    throw new AppError('VALIDATION', `申请期限 ${days} 天，超过规定的 ${p.limitDays} 天。如确需延长，请在「备注」中写明理由。`, { field: 'note' });
  }
}

export function checkPurpose(purpose: string, other: string): void {
  if (purpose === '其他' && other.trim() === '') throw new AppError('VALIDATION', '用途选择了「其他」，请填写具体用途。', { field: 'purposeOther' });
}

/** What the stored status means today: an approval not used by its last day has lapsed. */
export function effectiveStatus(
  r: { status: string; expiresOn: string | null; usedAt?: string | null; type: string; periodTo: string },
  today: string,
): RequestStatus {
  // expires_on is set by each approval: a first level not followed by the second in time lapses too.
  const used = r.usedAt !== null && r.usedAt !== undefined;
  if ((r.status === 'approved' || r.status === 'pending') && !used && r.expiresOn !== null && today > r.expiresOn) return 'expired';
  // Digital viewing ends with its period; there is nothing to bring back.
  if (r.status === 'in_use' && r.type === '电子查阅' && today > r.periodTo) return 'completed';
  // Used only for copies (nothing checked out): over when its period is.
  if (r.status === 'approved' && used && today > r.periodTo) return 'completed';
  return r.status as RequestStatus;
}

export function approvalExpiresOn(approvedDay: string, expiryDays: number): string {
  return addDays(approvedDay, expiryDays);
}

export interface ApprovalState {
  status: RequestStatus;
  enteredBy: number;
  levelsRequired: number;
  approvals: { level: number; userId: number; decision: string }[];
}

/** Which level the user would decide now; refuses own, expired, rejected, decided and repeat approvals. */
export function levelToDecide(r: ApprovalState, userId: number): 1 | 2 {
  if (r.enteredBy === userId) throw new AppError('CONFLICT', '这份申请是您本人登记的，按规定登记人不得审批自己登记的申请。请交由其他主管审批。');
  if (r.status === 'rejected') throw new AppError('CONFLICT', '这份申请已被驳回，不能再审批。如需办理，请重新登记申请。');
  if (r.status === 'expired') throw new AppError('CONFLICT', '这份申请的审批已过期失效，不能再审批。请重新登记申请。');
  if (r.status === 'cancelled') throw new AppError('CONFLICT', '这份申请已撤销，不能审批。');
  if (r.status !== 'pending') throw new AppError('CONFLICT', '这份申请已审批完毕，无需再审批。');
  const level = r.approvals.length + 1;
  if (level > r.levelsRequired || level > 2) throw new AppError('CONFLICT', '这份申请已审批完毕，无需再审批。');
  if (r.approvals.some((a) => a.userId === userId)) {
    throw new AppError('CONFLICT', '您已审批过这份申请的第一级。第二级审批须由另一位主管进行。');
  }
  return level as 1 | 2;
}

/** Execution (check-out, viewing, copying) needs a live approval and the right type. */
export function checkExecutable(r: { status: RequestStatus; type: string; expiresOn: string | null }, kinds: readonly string[], what: string): void {
  const reasons: Partial<Record<RequestStatus, string>> = {
    pending: '这份申请尚未审批通过，不能办理。请等待主管审批。',
    rejected: '这份申请已被驳回，不能办理。',
    expired: `这份申请的审批已于 ${r.expiresOn ?? ''} 过期失效，不能办理。请重新登记申请。`,
    completed: '这份申请已办理完毕。如需再次查借阅，请重新登记申请。',
    cancelled: '这份申请已撤销，不能办理。',
  };
  const reason = reasons[r.status];
  if (reason) throw new AppError('CONFLICT', reason);
  if (!kinds.includes(r.type)) throw new AppError('CONFLICT', `这是「${r.type}」申请，不能办理${what}。`);
}

/** A scan: an archive number, or 档号/卷号 for a single volume. */
export function parseScan(scan: string): { archiveNo: string; volume: number | null } {
  const m = /^(.+?)\s*[/／]\s*(\d{1,3})$/.exec(scan.trim());
  return m ? { archiveNo: (m[1] ?? '').trim(), volume: Number(m[2]) } : { archiveNo: scan.trim(), volume: null };
}

export interface ApprovedFile {
  archiveNo: string;
  volumes: number[];
  out: boolean;
}

/**
 * Turns the scans into the volumes to check out per file; refuses a file or volume outside the
 * approval and a file already checked out on this request.
 */
export function planCheckout(approved: readonly ApprovedFile[], scans: readonly string[]): Map<string, number[]> {
  const plan = new Map<string, number[]>();
  for (const raw of scans) {
    const s = parseScan(raw);
    const f = approved.find((a) => a.archiveNo.toUpperCase() === s.archiveNo.toUpperCase());
    if (!f) throw new AppError('VALIDATION', `档案 ${s.archiveNo} 不在这份申请批准的范围内，不能出库。请核对所扫档案。`, { scan: raw });
    if (f.out) throw new AppError('CONFLICT', `档案 ${f.archiveNo} 已按这份申请出库，尚未归还。`, { scan: raw });
    const wanted = s.volume === null ? f.volumes : [s.volume];
    const extra = wanted.filter((v) => !f.volumes.includes(v));
    if (extra.length > 0) {
      throw new AppError('VALIDATION', `档案 ${f.archiveNo} 第 ${extra.join('、')} 卷不在批准范围内（批准：第 ${f.volumes.join('、')} 卷），不能出库。`, { scan: raw });
    }
    const had = plan.get(f.archiveNo) ?? [];
    plan.set(f.archiveNo, [...new Set([...had, ...wanted])].sort((a, b) => a - b));
  }
  return plan;
}

/** The due date: not before today, within the approved period. */
export function checkDue(due: string, today: string, periodTo: string): void {
  if (due < today) throw new AppError('VALIDATION', `应还日期 ${due} 早于今天（${today}），请改正。`, { field: 'due' });
  if (due > periodTo) throw new AppError('VALIDATION', `应还日期 ${due} 超出批准的期限（至 ${periodTo}）。请按批准期限填写，或重新申请延长。`, { field: 'due' });
}

/** Human-readable scope of one requested file for forms. */
export function scopeText(f: { volumes: number[]; allVolumes: number; classes: string[]; items: string[] }): string {
  const parts: string[] = [];
  if (f.volumes.length < f.allVolumes) parts.push(`第 ${f.volumes.join('、')} 卷`);
  if (f.classes.length > 0) parts.push(`第 ${f.classes.join('、')} 类`);
  if (f.items.length > 0) parts.push(`材料 ${f.items.join('、')}`);
  return parts.length === 0 ? '全部' : parts.join('；');
}
