/** SQL intake needs on the shared holdings (003): sequences, archive files, receipts. */
import type { BatchFile, ReceiptInfo } from '../../../../shared/intakeTypes';
import type { Reader, SqlValue, Tx } from '../../store/api';

export function lastSeqs(db: Reader): Map<number, number> {
  return new Map(db.all<{ community_id: number; last_seq: number }>('SELECT community_id, last_seq FROM archive_sequences').map((r) => [r.community_id, r.last_seq]));
}

/** Sets a community's last issued number; refuses to go down (numbers are never reused). */
export function advanceSeq(tx: Tx, communityId: number, from: number, to: number): boolean {
  if (from === 0) {
    const exists = tx.get<{ n: number }>('SELECT count(*) AS n FROM archive_sequences WHERE community_id = ?', [communityId])?.n ?? 0;
    if (exists === 0) {
      tx.run('INSERT INTO archive_sequences (community_id, last_seq) VALUES (?, ?)', [communityId, to]);
      return true;
    }
  }
  return tx.run('UPDATE archive_sequences SET last_seq = ? WHERE community_id = ? AND last_seq = ? AND ? > last_seq', [to, communityId, from, to]).changes === 1;
}

export function archiveNoTaken(db: Reader, archiveNo: string): boolean {
  return (db.get<{ n: number }>('SELECT count(*) AS n FROM archive_files WHERE archive_no = ?', [archiveNo])?.n ?? 0) > 0;
}

export function fileOfPerson(db: Reader, personId: number): { id: number; archiveNo: string; status: string } | undefined {
  return db.get<{ id: number; archiveNo: string; status: string }>('SELECT id, archive_no AS archiveNo, status FROM archive_files WHERE person_id = ?', [personId]);
}

export interface NewArchiveFile {
  personId: number;
  communityId: number;
  archiveNo: string;
  seq: number;
  volumes: number;
  pages: number;
  thicknessMm: number;
  batchId: number;
  receivedOn: string;
}

export function insertArchiveFile(tx: Tx, f: NewArchiveFile, at: string): number {
  return tx.run(
    `INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, pages, thickness_mm, batch_id, status, received_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?)`,
    [f.personId, f.communityId, f.archiveNo, f.seq, f.volumes, f.pages, f.thicknessMm, f.batchId, f.receivedOn, at, at],
  ).lastInsertRowid;
}

interface FileRow {
  file_id: number;
  person_id: number;
  archive_no: string;
  seq: number;
  name: string;
  sex: 'M' | 'F';
  id_number: string;
  community_id: number;
  community: string;
  town: string;
  volumes: number;
  pages: number;
  thickness_mm: number;
  received_on: string;
  remarks: string | null;
  digital_pages: number;
}

/** The batch's 案卷目录: its files by community (town code, community code) then number. */
export function filesOfBatch(db: Reader, batchId: number): BatchFile[] {
  return db
    .all<FileRow>(
      `SELECT a.id AS file_id, a.person_id, a.archive_no, a.seq, p.name, p.sex, p.id_number, a.community_id, c.name AS community, t.name AS town,
              a.volumes, a.pages, a.thickness_mm, a.received_on,
              (SELECT r.remarks FROM intake_roster_rows r WHERE r.archive_file_id = a.id LIMIT 1) AS remarks,
              (SELECT count(*) FROM pages g JOIN volumes v ON v.id = g.volume_id WHERE v.person_id = a.person_id AND g.deleted = 0) AS digital_pages
       FROM archive_files a JOIN persons p ON p.id = a.person_id JOIN communities c ON c.id = a.community_id JOIN towns t ON t.id = c.town_id
       WHERE a.batch_id = ? ORDER BY t.code, c.code, a.seq`,
      [batchId],
    )
    .map((r) => ({
      fileId: r.file_id,
      personId: r.person_id,
      archiveNo: r.archive_no,
      seq: r.seq,
      name: r.name,
      sex: r.sex,
      idNumber: r.id_number,
      communityId: r.community_id,
      community: r.community,
      town: r.town,
      volumes: r.volumes,
      pages: r.pages,
      thicknessMm: r.thickness_mm,
      receivedOn: r.received_on,
      remarks: r.remarks ?? '',
      digitalPages: r.digital_pages,
    }));
}

// ── receipts ──

/** A receipt as stored; how long it has been out is worked out by the caller against today. */
export type ReceiptRow = Omit<ReceiptInfo, 'daysOutstanding' | 'overdue'>;

const RECEIPT_SELECT = `
  SELECT rc.id, rc.kind, rc.ref_id AS refId, COALESCE(b.batch_no, '') AS reference, rc.counterparty, rc.number_range AS numberRange,
         rc.persons, rc.volumes, rc.sent_on AS sentOn, rc.returned_on AS returnedOn, rc.returned_note AS returnedNote, rc.document_id AS documentId
  FROM receipts rc LEFT JOIN intake_batches b ON rc.kind = 'intake' AND b.id = rc.ref_id`;

export function insertReceipt(
  tx: Tx,
  r: { kind: 'intake' | 'transfer_out'; refId: number; counterparty: string; numberRange: string; persons: number; volumes: number; sentOn: string; documentId: number | null },
): number {
  return tx.run(
    'INSERT INTO receipts (kind, ref_id, counterparty, number_range, persons, volumes, sent_on, document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [r.kind, r.refId, r.counterparty, r.numberRange, r.persons, r.volumes, r.sentOn, r.documentId],
  ).lastInsertRowid;
}

export function receiptById(db: Reader, id: number): ReceiptRow | undefined {
  return db.get<ReceiptRow>(`${RECEIPT_SELECT} WHERE rc.id = ?`, [id]);
}

export function receiptOf(db: Reader, kind: 'intake' | 'transfer_out', refId: number): ReceiptRow | undefined {
  return db.get<ReceiptRow>(`${RECEIPT_SELECT} WHERE rc.kind = ? AND rc.ref_id = ?`, [kind, refId]);
}

/** Receipts, oldest open first. `sentBefore`: only those sent on or before that date (overdue). */
export function listReceipts(
  db: Reader,
  q: { open?: boolean | undefined; kind?: 'intake' | 'transfer_out' | undefined; sentOnOrBefore?: string | undefined; offset: number; limit: number },
): { rows: ReceiptRow[]; total: number } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (q.open === true) where.push('rc.returned_on IS NULL');
  if (q.open === false) where.push('rc.returned_on IS NOT NULL');
  if (q.kind) {
    where.push('rc.kind = ?');
    params.push(q.kind);
  }
  if (q.sentOnOrBefore) {
    where.push('rc.sent_on <= ?');
    params.push(q.sentOnOrBefore);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM receipts rc${clause}`, params)?.n ?? 0;
  const rows = db.all<ReceiptRow>(`${RECEIPT_SELECT}${clause} ORDER BY rc.returned_on IS NOT NULL, rc.sent_on, rc.id LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
  return { rows, total };
}

export function countOpenSentOnOrBefore(db: Reader, date: string): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM receipts WHERE returned_on IS NULL AND sent_on <= ?', [date])?.n ?? 0;
}

export function markReceiptReturned(tx: Tx, id: number, on: string, note: string): void {
  tx.run('UPDATE receipts SET returned_on = ?, returned_note = ? WHERE id = ?', [on, note, id]);
}

export function setReceiptDocument(tx: Tx, id: number, documentId: number): void {
  tx.run('UPDATE receipts SET document_id = ? WHERE id = ?', [documentId, id]);
}
