/** The read model of a request: summary rows for lists, the full detail with approvals, loans and history. */
import { AppError } from '../../../../shared/errors';
import type {
  Approval, LendingReader, LendingRequestDetail, LendingRequestSummary, LendingType, RequestFile, RequestHistoryEntry,
} from '../../../../shared/lendingTypes';
import { listDocuments } from '../../db/queries/documents';
import * as q from '../../db/queries/lending';
import { auditOfRequest, viewCount } from '../../db/queries/lendingLog';
import type { Reader } from '../../store/api';
import { effectiveStatus, scopeText } from './rules';

export const REQUEST_ENTITY = 'lending_request';

export function requireRequest(db: Reader, id: number): q.RequestRow {
  const r = q.requestById(db, id);
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的查借阅申请。请刷新列表后重试。`);
  return r;
}

const parse = <T>(json: string): T => JSON.parse(json) as T;

export function toRequestFile(l: q.LoanRow): RequestFile {
  const volumes = parse<number[]>(l.volumesJson);
  const classes = parse<string[]>(l.classesJson);
  const items = parse<string[]>(l.itemsJson);
  return {
    fileId: l.fileId,
    archiveNo: l.archiveNo,
    name: l.name,
    idNumber: l.idNumber,
    volumes,
    classes,
    items,
    scope: scopeText({ volumes, allVolumes: l.fileVolumes, classes, items }),
    checkedOutAt: l.checkedOutAt,
    checkedOutBy: l.checkedOutBy,
    takenBy: l.takenBy,
    volumesOut: parse<number[]>(l.volumesOutJson),
    due: l.due,
    returnedAt: l.returnedAt,
    returnedBy: l.returnedBy,
    receivedBy: l.receivedBy,
    condition: l.condition === null ? null : l.conditionNote ? `${l.condition}（${l.conditionNote}）` : l.condition,
  };
}

export function isOverdue(loans: readonly q.LoanRow[], today: string): boolean {
  return loans.some((l) => l.checkedOutAt !== null && l.returnedAt === null && l.due !== null && l.due < today);
}

export function summarise(db: Reader, r: q.RequestRow, today: string): LendingRequestSummary {
  const readers = q.readersOf(db, r.id);
  const loans = q.loansOf(db, r.id);
  const approvals = q.approvalsOf(db, r.id);
  const status = effectiveStatus(r, today);
  return {
    id: r.id,
    requestNo: r.requestNo,
    type: r.type as LendingType,
    purpose: r.purpose === '其他' && r.purposeOther ? `其他：${r.purposeOther}` : r.purpose,
    unit: r.unit,
    readers: readers.map((x) => x.name).join('、'),
    files: loans.map((l) => `${l.archiveNo} ${l.name}`).join('、'),
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status,
    awaitingLevel: status === 'pending' ? (Math.min(approvals.length + 1, 2) as 1 | 2) : null,
    enteredBy: r.enteredByName,
    enteredByUserId: r.enteredBy,
    enteredAt: r.enteredAt,
    approvalExpiresOn: r.expiresOn,
    overdue: isOverdue(loans, today),
  };
}

const ACTION_LABELS: Record<string, string> = {
  'lending.request.create': '登记申请',
  'lending.request.cancel': '撤销申请',
  'lending.approve': '审批同意',
  'lending.reject': '审批驳回',
  'lending.checkout': '出库',
  'lending.return': '归还入库',
  'lending.refused': '操作被拒绝',
  'lending.form': '打印审批表',
  'lending.reminder': '打印催还通知',
  'lending.copy': '制作复制件',
  'lending.view.open': '打开电子档案',
};

function historyEntry(a: { at: string; user: string; action: string; after: string | null }): RequestHistoryEntry {
  const after = a.after ? (JSON.parse(a.after) as Record<string, unknown>) : {};
  const detail = typeof after.summary === 'string' ? after.summary : typeof after.reason === 'string' ? after.reason : '';
  const label = ACTION_LABELS[a.action] ?? a.action;
  return { at: a.at, user: a.user, action: a.action, summary: detail ? `${label}：${detail}` : label };
}

export function requestDetail(db: Reader, id: number, today: string): LendingRequestDetail {
  const r = requireRequest(db, id);
  const approvals: Approval[] = q.approvalsOf(db, id).map((a) => ({
    level: a.level as 1 | 2,
    decision: a.decision as Approval['decision'],
    opinion: a.opinion,
    by: a.userName,
    byUserId: a.userId,
    at: a.at,
  }));
  return {
    ...summarise(db, r, today),
    purposeOther: r.purposeOther,
    letterNo: r.letterNo,
    note: r.note,
    levelsRequired: r.levelsRequired as 1 | 2,
    readerList: q.readersOf(db, id) as LendingReader[],
    fileList: q.loansOf(db, id).map(toRequestFile),
    approvals,
    cancelReason: r.cancelReason,
    views: viewCount(db, id),
    documents: listDocuments(db, { refEntity: REQUEST_ENTITY, refId: id }),
    history: auditOfRequest(db, id).filter((a) => a.action !== 'lending.view').map(historyEntry),
  };
}
