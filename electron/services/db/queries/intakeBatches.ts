/** SQL for intake batches (接收批次) and the ledger (台账) built from them. */
import type { IntakeBatch, IntakeBatchCounts, IntakeBatchStatus, LedgerRow } from '../../../../shared/intakeTypes';
import type { Page } from '../../../../shared/types';
import type { Reader, SqlValue, Tx } from '../../store/api';

interface BatchRow {
  id: number;
  batch_no: string;
  enterprise: string;
  contact: string;
  contact_phone: string;
  delivered_by: string;
  delivered_on: string;
  note: string;
  status: IntakeBatchStatus;
  roster_file: string | null;
  package_dir: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  returned_on: string | null;
  return_reason: string;
  accepted_on: string | null;
  accepted_by: string | null;
  override_note: string;
  first_no: string | null;
  last_no: string | null;
}

function toBatch(r: BatchRow): IntakeBatch {
  return {
    id: r.id,
    batchNo: r.batch_no,
    enterprise: r.enterprise,
    contact: r.contact,
    contactPhone: r.contact_phone,
    deliveredBy: r.delivered_by,
    deliveredOn: r.delivered_on,
    note: r.note,
    status: r.status,
    rosterFile: r.roster_file,
    packageDir: r.package_dir,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    returnedOn: r.returned_on,
    returnReason: r.return_reason,
    acceptedOn: r.accepted_on,
    acceptedBy: r.accepted_by,
    overrideNote: r.override_note,
    firstNo: r.first_no,
    lastNo: r.last_no,
  };
}

export type BatchFields = Pick<IntakeBatch, 'enterprise' | 'contact' | 'contactPhone' | 'deliveredBy' | 'deliveredOn' | 'note'>;

export interface BatchFilters {
  status?: IntakeBatchStatus | undefined;
  query?: string | undefined;
  enterprise?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(f: BatchFilters): { clause: string; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.status) {
    where.push('b.status = ?');
    params.push(f.status);
  }
  if (f.query) {
    where.push("(b.batch_no LIKE ? ESCAPE '\\' OR b.enterprise LIKE ? ESCAPE '\\' OR b.delivered_by LIKE ? ESCAPE '\\')");
    const like = `%${likeEscape(f.query)}%`;
    params.push(like, like, like);
  }
  if (f.enterprise) {
    where.push("b.enterprise LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(f.enterprise)}%`);
  }
  if (f.from) {
    where.push('b.delivered_on >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('b.delivered_on <= ?');
    params.push(f.to);
  }
  return { clause: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

export function batchById(db: Reader, id: number): IntakeBatch | undefined {
  const r = db.get<BatchRow>('SELECT * FROM intake_batches WHERE id = ?', [id]);
  return r && toBatch(r);
}

export function listBatches(db: Reader, f: BatchFilters & { offset: number; limit: number }): Page<IntakeBatch> {
  const { clause, params } = whereOf(f);
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM intake_batches b${clause}`, params)?.n ?? 0;
  const rows = db.all<BatchRow>(`SELECT b.* FROM intake_batches b${clause} ORDER BY b.delivered_on DESC, b.id DESC LIMIT ? OFFSET ?`, [...params, f.limit, f.offset]);
  return { rows: rows.map(toBatch), total };
}

/** Batch numbers run per year of delivery and are never reused (batches are never deleted). */
export function nextBatchNo(db: Reader, year: string): string {
  const last = db.get<{ n: number | null }>(
    "SELECT max(CAST(substr(batch_no, 8) AS INTEGER)) AS n FROM intake_batches WHERE batch_no LIKE ?",
    [`JS${year}-%`],
  )?.n;
  return `JS${year}-${String((last ?? 0) + 1).padStart(4, '0')}`;
}

export function insertBatch(tx: Tx, batchNo: string, f: BatchFields, at: string, by: string): number {
  return tx.run(
    `INSERT INTO intake_batches (batch_no, enterprise, contact, contact_phone, delivered_by, delivered_on, note, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [batchNo, f.enterprise, f.contact, f.contactPhone, f.deliveredBy, f.deliveredOn, f.note, at, by, at],
  ).lastInsertRowid;
}

export function updateBatchFields(tx: Tx, id: number, f: BatchFields, at: string): void {
  tx.run(
    'UPDATE intake_batches SET enterprise = ?, contact = ?, contact_phone = ?, delivered_by = ?, delivered_on = ?, note = ?, updated_at = ? WHERE id = ?',
    [f.enterprise, f.contact, f.contactPhone, f.deliveredBy, f.deliveredOn, f.note, at, id],
  );
}

export function setRosterFile(tx: Tx, id: number, file: string, at: string): void {
  tx.run('UPDATE intake_batches SET roster_file = ?, updated_at = ? WHERE id = ?', [file, at, id]);
}

export function setChecking(tx: Tx, id: number, packageDir: string, at: string): void {
  tx.run("UPDATE intake_batches SET status = 'checking', package_dir = ?, updated_at = ? WHERE id = ?", [packageDir, at, id]);
}

export function setPackageDir(tx: Tx, id: number, packageDir: string, at: string): void {
  tx.run('UPDATE intake_batches SET package_dir = ?, updated_at = ? WHERE id = ?', [packageDir, at, id]);
}

export function markReturned(tx: Tx, id: number, on: string, reason: string, at: string): void {
  tx.run("UPDATE intake_batches SET status = 'returned', returned_on = ?, return_reason = ?, updated_at = ? WHERE id = ?", [on, reason, at, id]);
}

export function markAccepted(tx: Tx, id: number, v: { on: string; by: string; overrideNote: string; firstNo: string | null; lastNo: string | null }, at: string): void {
  tx.run(
    "UPDATE intake_batches SET status = 'accepted', accepted_on = ?, accepted_by = ?, override_note = ?, first_no = ?, last_no = ?, updated_at = ? WHERE id = ?",
    [v.on, v.by, v.overrideNote, v.firstNo, v.lastNo, at, id],
  );
}

export function batchCounts(db: Reader, batchId: number): IntakeBatchCounts {
  const rows = db.get<{ persons: number; volumes: number | null; pages: number | null }>(
    `SELECT count(*) AS persons,
            sum(CASE WHEN volumes_text GLOB '[0-9]*' THEN CAST(volumes_text AS INTEGER) ELSE 0 END) AS volumes,
            sum(CASE WHEN pages_text GLOB '[0-9]*' THEN CAST(pages_text AS INTEGER) ELSE 0 END) AS pages
     FROM intake_roster_rows WHERE batch_id = ?`,
    [batchId],
  );
  const desk = db.get<{ n: number }>('SELECT count(*) AS n FROM intake_desk_counts WHERE batch_id = ?', [batchId])?.n ?? 0;
  const f = db.get<{ open: number | null; resolved: number | null; errors: number | null; warnings: number | null }>(
    `SELECT sum(resolved_at IS NULL) AS open, sum(resolved_at IS NOT NULL) AS resolved,
            sum(resolved_at IS NULL AND severity = 'error') AS errors, sum(resolved_at IS NULL AND severity = 'warning') AS warnings
     FROM intake_findings WHERE batch_id = ?`,
    [batchId],
  );
  return {
    persons: rows?.persons ?? 0,
    volumes: rows?.volumes ?? 0,
    pages: rows?.pages ?? 0,
    deskCounted: desk,
    findingsOpen: f?.open ?? 0,
    findingsResolved: f?.resolved ?? 0,
    errorsOpen: f?.errors ?? 0,
    warningsOpen: f?.warnings ?? 0,
  };
}

interface LedgerDbRow {
  id: number;
  batch_no: string;
  enterprise: string;
  delivered_by: string;
  delivered_on: string;
  status: IntakeBatchStatus;
  persons: number;
  volumes: number | null;
  pages: number | null;
  findings_open: number;
  findings_total: number;
  first_no: string | null;
  last_no: string | null;
  accepted_on: string | null;
  returned_on: string | null;
  receipt_returned_on: string | null;
  file_volumes: number | null;
  file_pages: number | null;
}

// Accepted batches count what was taken into custody (archive_files); others what the roster declares.
const LEDGER_SELECT = `
  SELECT b.id, b.batch_no, b.enterprise, b.delivered_by, b.delivered_on, b.status, b.first_no, b.last_no, b.accepted_on, b.returned_on,
    (SELECT count(*) FROM intake_roster_rows r WHERE r.batch_id = b.id) AS persons,
    (SELECT sum(CASE WHEN volumes_text GLOB '[0-9]*' THEN CAST(volumes_text AS INTEGER) ELSE 0 END) FROM intake_roster_rows r WHERE r.batch_id = b.id) AS volumes,
    (SELECT sum(CASE WHEN pages_text GLOB '[0-9]*' THEN CAST(pages_text AS INTEGER) ELSE 0 END) FROM intake_roster_rows r WHERE r.batch_id = b.id) AS pages,
    (SELECT sum(a.volumes) FROM archive_files a WHERE a.batch_id = b.id) AS file_volumes,
    (SELECT sum(a.pages) FROM archive_files a WHERE a.batch_id = b.id) AS file_pages,
    (SELECT count(*) FROM intake_findings f WHERE f.batch_id = b.id AND f.resolved_at IS NULL) AS findings_open,
    (SELECT count(*) FROM intake_findings f WHERE f.batch_id = b.id) AS findings_total,
    (SELECT rc.returned_on FROM receipts rc WHERE rc.kind = 'intake' AND rc.ref_id = b.id) AS receipt_returned_on
  FROM intake_batches b`;

function toLedger(r: LedgerDbRow): LedgerRow {
  const accepted = r.status === 'accepted';
  return {
    batchId: r.id,
    batchNo: r.batch_no,
    enterprise: r.enterprise,
    deliveredBy: r.delivered_by,
    deliveredOn: r.delivered_on,
    status: r.status,
    persons: r.persons,
    volumes: (accepted ? r.file_volumes : r.volumes) ?? 0,
    pages: (accepted ? r.file_pages : r.pages) ?? 0,
    findingsOpen: r.findings_open,
    findingsTotal: r.findings_total,
    firstNo: r.first_no,
    lastNo: r.last_no,
    acceptedOn: r.accepted_on,
    returnedOn: r.returned_on,
    receiptReturnedOn: r.receipt_returned_on,
  };
}

export function ledgerRows(db: Reader, f: BatchFilters & { offset: number; limit: number }): { rows: LedgerRow[]; total: number } {
  const { clause, params } = whereOf(f);
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM intake_batches b${clause}`, params)?.n ?? 0;
  const rows = db.all<LedgerDbRow>(`${LEDGER_SELECT}${clause} ORDER BY b.delivered_on, b.id LIMIT ? OFFSET ?`, [...params, f.limit, f.offset]);
  return { rows: rows.map(toLedger), total };
}
