/** SQL for intake findings and the desk's resolutions. */
import type { FindingSource, IntakeFinding } from '../../../../shared/intakeTypes';
import type { Reader, SqlValue, Tx } from '../../store/api';

interface Row {
  id: number;
  batch_id: number;
  source: FindingSource;
  code: string;
  severity: 'error' | 'warning';
  roster_row_id: number | null;
  id_number: string | null;
  name: string | null;
  file: string | null;
  page: number | null;
  row: number | null;
  message: string;
  resolution: string;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

function toFinding(r: Row): IntakeFinding {
  return {
    id: r.id,
    batchId: r.batch_id,
    source: r.source,
    code: r.code,
    severity: r.severity,
    idNumber: r.id_number,
    name: r.name,
    rosterRowId: r.roster_row_id,
    file: r.file,
    page: r.page,
    row: r.row,
    message: r.message,
    state: r.resolved_at === null ? 'open' : 'resolved',
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

export type NewFinding = Omit<IntakeFinding, 'id' | 'batchId' | 'state' | 'resolvedBy' | 'resolvedAt' | 'createdAt' | 'resolution'> & {
  resolution?: string;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
};

export function insertFinding(tx: Tx, batchId: number, f: NewFinding, at: string): number {
  return tx.run(
    `INSERT INTO intake_findings (batch_id, source, code, severity, roster_row_id, id_number, name, file, page, row, message, resolution, resolved_by, resolved_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      batchId, f.source, f.code, f.severity, f.rosterRowId, f.idNumber, f.name, f.file, f.page, f.row, f.message,
      f.resolution ?? '', f.resolvedBy ?? null, f.resolvedAt ?? null, at,
    ],
  ).lastInsertRowid;
}

export function deleteFindings(tx: Tx, batchId: number, sources: readonly FindingSource[], rosterRowId?: number): void {
  const marks = sources.map(() => '?').join(',');
  if (rosterRowId === undefined) tx.run(`DELETE FROM intake_findings WHERE batch_id = ? AND source IN (${marks})`, [batchId, ...sources]);
  else tx.run(`DELETE FROM intake_findings WHERE batch_id = ? AND source IN (${marks}) AND roster_row_id = ?`, [batchId, ...sources, rosterRowId]);
}

export function findingById(db: Reader, id: number): IntakeFinding | undefined {
  const r = db.get<Row>('SELECT * FROM intake_findings WHERE id = ?', [id]);
  return r && toFinding(r);
}

export function listFindings(
  db: Reader,
  q: { batchId: number; state: 'open' | 'resolved' | 'all'; severity?: 'error' | 'warning' | undefined; source?: FindingSource | undefined; rosterRowId?: number | undefined },
): IntakeFinding[] {
  const where = ['f.batch_id = ?'];
  const params: SqlValue[] = [q.batchId];
  if (q.state === 'open') where.push('f.resolved_at IS NULL');
  if (q.state === 'resolved') where.push('f.resolved_at IS NOT NULL');
  if (q.severity) {
    where.push('f.severity = ?');
    params.push(q.severity);
  }
  if (q.source) {
    where.push('f.source = ?');
    params.push(q.source);
  }
  if (q.rosterRowId !== undefined) {
    where.push('f.roster_row_id = ?');
    params.push(q.rosterRowId);
  }
  // Grouped by person in roster order (findings about no one person last), errors first.
  return db
    .all<Row>(
      `SELECT f.* FROM intake_findings f LEFT JOIN intake_roster_rows r ON r.id = f.roster_row_id
       WHERE ${where.join(' AND ')}
       ORDER BY r.position IS NULL, r.position, f.severity = 'warning', f.id`,
      params,
    )
    .map(toFinding);
}

export function resolveFinding(tx: Tx, id: number, note: string, by: string, at: string): void {
  tx.run('UPDATE intake_findings SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?', [note, by, at, id]);
}

export function reopenFinding(tx: Tx, id: number): void {
  tx.run("UPDATE intake_findings SET resolution = '', resolved_by = NULL, resolved_at = NULL WHERE id = ?", [id]);
}
