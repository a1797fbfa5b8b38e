/** SQL for transfers out (转出): the transfer, its files, and its 回执 row in the shared receipts table. */
import type { Reader, Tx } from '../../store/api';

export interface TransferRow {
  id: number;
  transferNo: string;
  receiverUnit: string;
  sentOn: string;
  withDigital: number;
  note: string;
  handledByName: string;
  documentId: number | null;
  receiptId: number | null;
  receiptReturnedOn: string | null;
}

const SELECT = `SELECT t.id, t.transfer_no AS transferNo, t.receiver_unit AS receiverUnit, t.sent_on AS sentOn, t.with_digital AS withDigital,
  t.note, t.handled_by_name AS handledByName, t.document_id AS documentId, r.id AS receiptId, r.returned_on AS receiptReturnedOn
  FROM transfers_out t LEFT JOIN receipts r ON r.kind = 'transfer_out' AND r.ref_id = t.id`;

export function transferById(db: Reader, id: number): TransferRow | undefined {
  return db.get<TransferRow>(`${SELECT} WHERE t.id = ?`, [id]);
}

export function listTransfers(db: Reader, offset: number, limit: number): { rows: TransferRow[]; total: number } {
  return {
    rows: db.all<TransferRow>(`${SELECT} ORDER BY t.id DESC LIMIT ? OFFSET ?`, [limit, offset]),
    total: db.get<{ n: number }>('SELECT count(*) AS n FROM transfers_out')?.n ?? 0,
  };
}

export interface TransferFileRow {
  archiveNo: string;
  name: string;
  volumes: number;
}

export function filesOfTransfer(db: Reader, transferId: number): TransferFileRow[] {
  return db.all<TransferFileRow>(
    `SELECT f.archive_no AS archiveNo, p.name, f.volumes FROM transfer_out_files t JOIN archive_files f ON f.id = t.file_id
     JOIN persons p ON p.id = f.person_id WHERE t.transfer_id = ? ORDER BY t.ord`,
    [transferId],
  );
}

export function transfersInYear(db: Reader, year: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM transfers_out WHERE transfer_no LIKE ?", [`ZC${year}-%`])?.n ?? 0;
}

export function insertTransfer(
  tx: Tx,
  t: { transferNo: string; receiverUnit: string; sentOn: string; withDigital: boolean; note: string; userId: number; userName: string; at: string },
): number {
  return tx.run(
    'INSERT INTO transfers_out (transfer_no, receiver_unit, sent_on, with_digital, note, handled_by, handled_by_name, created_at) VALUES (?,?,?,?,?,?,?,?)',
    [t.transferNo, t.receiverUnit, t.sentOn, t.withDigital ? 1 : 0, t.note, t.userId, t.userName, t.at],
  ).lastInsertRowid;
}

export function insertTransferFile(tx: Tx, transferId: number, fileId: number, ord: number): void {
  tx.run('INSERT INTO transfer_out_files (transfer_id, file_id, ord) VALUES (?,?,?)', [transferId, fileId, ord]);
}

export function setTransferDocument(tx: Tx, transferId: number, documentId: number): void {
  tx.run('UPDATE transfers_out SET document_id = ? WHERE id = ?', [documentId, transferId]);
}

export function insertTransferReceipt(
  tx: Tx,
  r: { transferId: number; counterparty: string; numberRange: string; persons: number; volumes: number; sentOn: string; documentId: number },
): number {
  return tx.run(
    "INSERT INTO receipts (kind, ref_id, counterparty, number_range, persons, volumes, sent_on, document_id) VALUES ('transfer_out',?,?,?,?,?,?,?)",
    [r.transferId, r.counterparty, r.numberRange, r.persons, r.volumes, r.sentOn, r.documentId],
  ).lastInsertRowid;
}

/** The notice is staged before the transfer row exists; this ties it to the transfer once it does. */
export function linkDocumentToTransfer(tx: Tx, documentId: number, transferId: number): void {
  tx.run("UPDATE documents SET ref_id = ? WHERE id = ? AND ref_entity = 'transfer_out'", [transferId, documentId]);
}
