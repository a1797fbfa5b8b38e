/** SQL for lending requests (查借阅申请): the request row, its readers, its files and their loans, approvals. */
import type { LendingReader } from '../../../../shared/lendingTypes';
import type { Reader, Tx } from '../../store/api';

export interface RequestRow {
  id: number;
  requestNo: string;
  type: string;
  purpose: string;
  purposeOther: string;
  unit: string;
  letterNo: string;
  periodFrom: string;
  periodTo: string;
  note: string;
  levelsRequired: number;
  status: string;
  approvedAt: string | null;
  expiresOn: string | null;
  usedAt: string | null;
  closedAt: string | null;
  cancelReason: string;
  enteredBy: number;
  enteredByName: string;
  enteredAt: string;
}

const SELECT_REQUEST = `SELECT id, request_no AS requestNo, type, purpose, purpose_other AS purposeOther, unit, letter_no AS letterNo,
  period_from AS periodFrom, period_to AS periodTo, note, levels_required AS levelsRequired, status, approved_at AS approvedAt,
  expires_on AS expiresOn, used_at AS usedAt, closed_at AS closedAt, cancel_reason AS cancelReason, entered_by AS enteredBy,
  entered_by_name AS enteredByName, entered_at AS enteredAt FROM lending_requests`;

export function requestById(db: Reader, id: number): RequestRow | undefined {
  return db.get<RequestRow>(`${SELECT_REQUEST} WHERE id = ?`, [id]);
}

/** Every request, newest first; the domain derives effective status and filters (a room holds thousands, not millions). */
export function allRequests(db: Reader): RequestRow[] {
  return db.all<RequestRow>(`${SELECT_REQUEST} ORDER BY entered_at DESC, id DESC`);
}

export function requestsEnteredBetween(db: Reader, fromIso: string, toIso: string): RequestRow[] {
  return db.all<RequestRow>(`${SELECT_REQUEST} WHERE entered_at >= ? AND entered_at < ? ORDER BY entered_at, id`, [fromIso, toIso]);
}

export function nextRequestSeq(db: Reader, year: number): number {
  return (db.get<{ n: number | null }>('SELECT max(seq) AS n FROM lending_requests WHERE year = ?', [year])?.n ?? 0) + 1;
}

/** The fields a new request is entered with; status, approval and closing come later. */
export type NewRequest = Pick<
  RequestRow,
  'requestNo' | 'type' | 'purpose' | 'purposeOther' | 'unit' | 'letterNo' | 'periodFrom' | 'periodTo' | 'note' | 'levelsRequired' | 'enteredBy' | 'enteredByName'
> & { year: number; seq: number; at: string };

export function insertRequest(tx: Tx, r: NewRequest): number {
  return tx.run(
    `INSERT INTO lending_requests (request_no, year, seq, type, purpose, purpose_other, unit, letter_no, period_from, period_to, note,
      levels_required, status, entered_by, entered_by_name, entered_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'pending',?,?,?,?)`,
    [r.requestNo, r.year, r.seq, r.type, r.purpose, r.purposeOther, r.unit, r.letterNo, r.periodFrom, r.periodTo, r.note,
      r.levelsRequired, r.enteredBy, r.enteredByName, r.at, r.at],
  ).lastInsertRowid;
}

export function setRequestState(
  tx: Tx,
  id: number,
  v: { status: string; at: string; approvedAt?: string; expiresOn?: string; usedAt?: string; closedAt?: string; cancelReason?: string },
): void {
  tx.run(
    `UPDATE lending_requests SET status = ?, updated_at = ?, approved_at = coalesce(?, approved_at), expires_on = coalesce(?, expires_on),
      used_at = coalesce(used_at, ?), closed_at = coalesce(?, closed_at), cancel_reason = coalesce(?, cancel_reason) WHERE id = ?`,
    [v.status, v.at, v.approvedAt ?? null, v.expiresOn ?? null, v.usedAt ?? null, v.closedAt ?? null, v.cancelReason ?? null, id],
  );
}

// ── readers ──
/** The relation is stored as text; the caller narrows it to ReaderRelation. */
export type ReaderRow = Omit<LendingReader, 'relation'> & { relation: string };

export function readersOf(db: Reader, requestId: number): ReaderRow[] {
  return db.all<ReaderRow>(
    'SELECT name, id_number AS idNumber, unit, post, political, contact, relation FROM lending_readers WHERE request_id = ? ORDER BY ord',
    [requestId],
  );
}

export function insertReader(tx: Tx, requestId: number, ord: number, r: ReaderRow): void {
  tx.run('INSERT INTO lending_readers (request_id, ord, name, id_number, unit, post, political, contact, relation) VALUES (?,?,?,?,?,?,?,?,?)', [
    requestId, ord, r.name, r.idNumber, r.unit, r.post, r.political, r.contact, r.relation,
  ]);
}

// ── files and their loans ──
export interface LoanRow {
  id: number;
  requestId: number;
  fileId: number;
  archiveNo: string;
  name: string;
  idNumber: string;
  personId: number;
  fileVolumes: number;
  fileStatus: string;
  volumesJson: string;
  classesJson: string;
  itemsJson: string;
  checkedOutAt: string | null;
  checkedOutBy: string | null;
  takenBy: string | null;
  volumesOutJson: string;
  due: string | null;
  returnedAt: string | null;
  returnedBy: string | null;
  receivedBy: string | null;
  condition: string | null;
  conditionNote: string;
}

const SELECT_LOAN = `SELECT l.id, l.request_id AS requestId, l.file_id AS fileId, f.archive_no AS archiveNo, p.name, p.id_number AS idNumber,
  p.id AS personId, f.volumes AS fileVolumes, f.status AS fileStatus, l.volumes_json AS volumesJson, l.classes_json AS classesJson,
  l.items_json AS itemsJson, l.checked_out_at AS checkedOutAt, l.checked_out_by AS checkedOutBy, l.taken_by AS takenBy,
  l.volumes_out_json AS volumesOutJson, l.due, l.returned_at AS returnedAt, l.returned_by AS returnedBy, l.received_by AS receivedBy,
  l.condition, l.condition_note AS conditionNote
  FROM lending_files l JOIN archive_files f ON f.id = l.file_id JOIN persons p ON p.id = f.person_id`;

export function loansOf(db: Reader, requestId: number): LoanRow[] {
  return db.all<LoanRow>(`${SELECT_LOAN} WHERE l.request_id = ? ORDER BY l.ord`, [requestId]);
}

/** The loan a file is out on, if any. */
export function openLoanOfFile(db: Reader, fileId: number): LoanRow | undefined {
  return db.get<LoanRow>(`${SELECT_LOAN} WHERE l.file_id = ? AND l.checked_out_at IS NOT NULL AND l.returned_at IS NULL`, [fileId]);
}

export function openLoans(db: Reader): LoanRow[] {
  return db.all<LoanRow>(`${SELECT_LOAN} WHERE l.checked_out_at IS NOT NULL AND l.returned_at IS NULL ORDER BY l.due, l.id`);
}

export function insertLoan(tx: Tx, v: { requestId: number; fileId: number; ord: number; volumes: number[]; classes: string[]; items: string[] }): void {
  tx.run('INSERT INTO lending_files (request_id, file_id, ord, volumes_json, classes_json, items_json) VALUES (?,?,?,?,?,?)', [
    v.requestId, v.fileId, v.ord, JSON.stringify(v.volumes), JSON.stringify(v.classes), JSON.stringify(v.items),
  ]);
}

export function checkOutLoan(tx: Tx, id: number, v: { at: string; by: string; takenBy: string; volumes: number[]; due: string }): void {
  tx.run('UPDATE lending_files SET checked_out_at = ?, checked_out_by = ?, taken_by = ?, volumes_out_json = ?, due = ? WHERE id = ?', [
    v.at, v.by, v.takenBy, JSON.stringify(v.volumes), v.due, id,
  ]);
}

export function returnLoan(tx: Tx, id: number, v: { at: string; returnedBy: string; receivedBy: string; condition: string; note: string }): void {
  tx.run('UPDATE lending_files SET returned_at = ?, returned_by = ?, received_by = ?, condition = ?, condition_note = ? WHERE id = ?', [
    v.at, v.returnedBy, v.receivedBy, v.condition, v.note, id,
  ]);
}

export function setFileStatus(tx: Tx, fileId: number, status: string, at: string): void {
  tx.run('UPDATE archive_files SET status = ?, updated_at = ? WHERE id = ?', [status, at, fileId]);
}

// ── approvals ──
export interface ApprovalRow {
  level: number;
  decision: string;
  opinion: string;
  userId: number;
  userName: string;
  at: string;
}

export function approvalsOf(db: Reader, requestId: number): ApprovalRow[] {
  return db.all<ApprovalRow>(
    'SELECT level, decision, opinion, user_id AS userId, user_name AS userName, at FROM lending_approvals WHERE request_id = ? ORDER BY level',
    [requestId],
  );
}

export function insertApproval(tx: Tx, requestId: number, a: ApprovalRow): void {
  tx.run('INSERT INTO lending_approvals (request_id, level, decision, opinion, user_id, user_name, at) VALUES (?,?,?,?,?,?,?)', [
    requestId, a.level, a.decision, a.opinion, a.userId, a.userName, a.at,
  ]);
}
