/** SQL for stocktaking (盘点): the stocktake row and its scans. */
import type { Reader, Tx } from '../../store/api';

export interface StocktakeRow {
  id: number;
  title: string;
  unit_id: number;
  unit_name: string;
  room_name: string;
  from_row: number | null;
  to_row: number | null;
  status: 'open' | 'finished';
  expected: number;
  started_at: string;
  started_by: string;
  finished_at: string | null;
  report_document_id: number | null;
  scanned: number;
}

const SELECT = `SELECT t.id, t.title, t.unit_id, u.name AS unit_name, rm.name AS room_name, t.from_row, t.to_row, t.status, t.expected,
    t.started_at, t.started_by, t.finished_at, t.report_document_id,
    (SELECT COUNT(*) FROM stocktake_scans sc WHERE sc.stocktake_id = t.id) AS scanned
  FROM stocktakes t JOIN storage_units u ON u.id = t.unit_id JOIN storage_rooms rm ON rm.id = u.room_id`;

export function listStocktakes(r: Reader, status?: 'open' | 'finished'): StocktakeRow[] {
  return r.all<StocktakeRow>(`${SELECT} WHERE (? IS NULL OR t.status = ?) ORDER BY t.id DESC`, [status ?? null, status ?? null]);
}

export function stocktakeById(r: Reader, id: number): StocktakeRow | undefined {
  return r.get<StocktakeRow>(`${SELECT} WHERE t.id = ?`, [id]);
}

export function insertStocktake(tx: Tx, x: { title: string; unitId: number; fromRow: number | null; toRow: number | null; expected: number; at: string; by: string }): number {
  return tx.run('INSERT INTO stocktakes (title, unit_id, from_row, to_row, expected, started_at, started_by) VALUES (?,?,?,?,?,?,?)', [
    x.title,
    x.unitId,
    x.fromRow,
    x.toRow,
    x.expected,
    x.at,
    x.by,
  ]).lastInsertRowid;
}

export function finishStocktake(tx: Tx, id: number, at: string, documentId: number): void {
  tx.run("UPDATE stocktakes SET status = 'finished', finished_at = ?, report_document_id = ? WHERE id = ?", [at, documentId, id]);
}

export function unitStocktakes(r: Reader, unitId: number): number {
  return r.get<{ n: number }>('SELECT COUNT(*) AS n FROM stocktakes WHERE unit_id = ?', [unitId])?.n ?? 0;
}

export interface ScanRow {
  id: number;
  shelf_id: number;
  code: string;
  file_id: number | null;
  outcome: 'found' | 'misplaced' | 'unexpected' | 'on_loan';
  scanned_at: string;
}

export function scans(r: Reader, stocktakeId: number): ScanRow[] {
  return r.all<ScanRow>('SELECT id, shelf_id, code, file_id, outcome, scanned_at FROM stocktake_scans WHERE stocktake_id = ? ORDER BY id', [stocktakeId]);
}

export function scannedBefore(r: Reader, stocktakeId: number, code: string): boolean {
  return r.get('SELECT 1 AS x FROM stocktake_scans WHERE stocktake_id = ? AND code = ?', [stocktakeId, code]) !== undefined;
}

export function insertScan(tx: Tx, x: { stocktakeId: number; shelfId: number; code: string; fileId: number | null; outcome: ScanRow['outcome']; at: string }): void {
  tx.run('INSERT INTO stocktake_scans (stocktake_id, shelf_id, code, file_id, outcome, scanned_at) VALUES (?,?,?,?,?,?)', [x.stocktakeId, x.shelfId, x.code, x.fileId, x.outcome, x.at]);
}

export function shelfById(r: Reader, id: number): { id: number; unit_id: number; row_no: number } | undefined {
  return r.get('SELECT id, unit_id, row_no FROM storage_shelves WHERE id = ?', [id]);
}
