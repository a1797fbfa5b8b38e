/** SQL for an intake batch's roster rows and the desk's physical counts. */
import type { DeskCount } from '../../../../shared/intakeTypes';
import type { Page } from '../../../../shared/types';
import type { Reader, SqlValue, Tx } from '../../store/api';

export interface StoredRosterRow {
  id: number;
  batchId: number;
  position: number;
  sheet: string;
  row: number;
  name: string;
  idText: string;
  idNumeric: boolean;
  idFormula: string | null;
  matchId: string | null;
  idValid: boolean;
  county: string;
  town: string;
  community: string;
  communityId: number | null;
  communityName: string | null;
  volumesText: string;
  pagesText: string;
  other: string;
  remarks: string;
  personId: number | null;
  archiveFileId: number | null;
  archiveNo: string | null;
}

interface Row {
  id: number;
  batch_id: number;
  position: number;
  sheet: string;
  row: number;
  name: string;
  id_text: string;
  id_numeric: number;
  id_formula: string | null;
  match_id: string | null;
  id_valid: number;
  county: string;
  town: string;
  community: string;
  community_id: number | null;
  community_name: string | null;
  volumes_text: string;
  pages_text: string;
  other: string;
  remarks: string;
  person_id: number | null;
  archive_file_id: number | null;
  archive_no: string | null;
}

const SELECT = `
  SELECT r.*, c.name AS community_name, a.archive_no
  FROM intake_roster_rows r
  LEFT JOIN communities c ON c.id = r.community_id
  LEFT JOIN archive_files a ON a.id = r.archive_file_id`;

function toRow(r: Row): StoredRosterRow {
  return {
    id: r.id,
    batchId: r.batch_id,
    position: r.position,
    sheet: r.sheet,
    row: r.row,
    name: r.name,
    idText: r.id_text,
    idNumeric: r.id_numeric === 1,
    idFormula: r.id_formula,
    matchId: r.match_id,
    idValid: r.id_valid === 1,
    county: r.county,
    town: r.town,
    community: r.community,
    communityId: r.community_id,
    communityName: r.community_name,
    volumesText: r.volumes_text,
    pagesText: r.pages_text,
    other: r.other,
    remarks: r.remarks,
    personId: r.person_id,
    archiveFileId: r.archive_file_id,
    archiveNo: r.archive_no,
  };
}

export type NewRosterRow = Omit<StoredRosterRow, 'id' | 'batchId' | 'communityName' | 'personId' | 'archiveFileId' | 'archiveNo'>;

/** Removes a batch's rows with everything hanging off them (desk counts, findings): a re-import starts clean. */
export function clearRoster(tx: Tx, batchId: number): void {
  tx.run('DELETE FROM intake_findings WHERE batch_id = ?', [batchId]);
  tx.run('DELETE FROM intake_desk_counts WHERE batch_id = ?', [batchId]);
  tx.run('DELETE FROM intake_roster_rows WHERE batch_id = ?', [batchId]);
}

export function insertRosterRow(tx: Tx, batchId: number, r: NewRosterRow): number {
  return tx.run(
    `INSERT INTO intake_roster_rows (batch_id, position, sheet, row, name, id_text, id_numeric, id_formula, match_id, id_valid,
       county, town, community, community_id, volumes_text, pages_text, other, remarks)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      batchId, r.position, r.sheet, r.row, r.name, r.idText, r.idNumeric ? 1 : 0, r.idFormula, r.matchId, r.idValid ? 1 : 0,
      r.county, r.town, r.community, r.communityId, r.volumesText, r.pagesText, r.other, r.remarks,
    ],
  ).lastInsertRowid;
}

export function rosterRows(db: Reader, batchId: number): StoredRosterRow[] {
  return db.all<Row>(`${SELECT} WHERE r.batch_id = ? ORDER BY r.position`, [batchId]).map(toRow);
}

export function rosterRowById(db: Reader, id: number): StoredRosterRow | undefined {
  const r = db.get<Row>(`${SELECT} WHERE r.id = ?`, [id]);
  return r && toRow(r);
}

/** The first roster row of the batch with this (normalised) ID number. */
export function rosterRowByMatchId(db: Reader, batchId: number, matchId: string): StoredRosterRow | undefined {
  const r = db.get<Row>(`${SELECT} WHERE r.batch_id = ? AND r.match_id = ? ORDER BY r.position LIMIT 1`, [batchId, matchId]);
  return r && toRow(r);
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function rosterPage(
  db: Reader,
  q: { batchId: number; query: string; uncounted: boolean; withOpenFindings: boolean; offset: number; limit: number },
): Page<StoredRosterRow> {
  const where = ['r.batch_id = ?'];
  const params: SqlValue[] = [q.batchId];
  if (q.query) {
    where.push("(r.name LIKE ? ESCAPE '\\' OR r.id_text LIKE ? ESCAPE '\\' OR r.match_id LIKE ? ESCAPE '\\')");
    const like = `%${likeEscape(q.query)}%`;
    params.push(like, like, like.toUpperCase());
  }
  if (q.uncounted) where.push('NOT EXISTS (SELECT 1 FROM intake_desk_counts d WHERE d.roster_row_id = r.id)');
  if (q.withOpenFindings) where.push('EXISTS (SELECT 1 FROM intake_findings f WHERE f.roster_row_id = r.id AND f.resolved_at IS NULL)');
  const clause = ` WHERE ${where.join(' AND ')}`;
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM intake_roster_rows r${clause}`, params)?.n ?? 0;
  const rows = db.all<Row>(`${SELECT}${clause} ORDER BY r.position LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
  return { rows: rows.map(toRow), total };
}

/** Open findings per roster row of a batch. */
export function openFindingsByRow(db: Reader, batchId: number): Map<number, number> {
  const rows = db.all<{ id: number; n: number }>(
    'SELECT roster_row_id AS id, count(*) AS n FROM intake_findings WHERE batch_id = ? AND roster_row_id IS NOT NULL AND resolved_at IS NULL GROUP BY roster_row_id',
    [batchId],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** ID numbers on the rosters of other batches still open (登记 / 核验中). */
export function idsInOtherOpenBatches(db: Reader, batchId: number): Set<string> {
  const rows = db.all<{ match_id: string }>(
    `SELECT DISTINCT r.match_id FROM intake_roster_rows r JOIN intake_batches b ON b.id = r.batch_id
     WHERE r.batch_id <> ? AND b.status IN ('registered','checking') AND r.match_id IS NOT NULL`,
    [batchId],
  );
  return new Set(rows.map((r) => r.match_id));
}

/** ID numbers of persons whose file the archive holds (any status but transferred out). */
export function heldIdNumbers(db: Reader): Set<string> {
  const rows = db.all<{ id_number: string }>(
    "SELECT p.id_number FROM archive_files a JOIN persons p ON p.id = a.person_id WHERE a.status <> 'transferred_out'",
  );
  return new Set(rows.map((r) => r.id_number));
}

/** Retirees already registered under the batch's ID numbers, with the number of their file if held. */
export function knownPersonsOfBatch(db: Reader, batchId: number): Map<string, { id: number; name: string; archiveNo: string | null }> {
  const rows = db.all<{ id_number: string; id: number; name: string; archive_no: string | null }>(
    `SELECT DISTINCT p.id_number, p.id, p.name, a.archive_no FROM intake_roster_rows r
     JOIN persons p ON p.id_number = r.match_id LEFT JOIN archive_files a ON a.person_id = p.id
     WHERE r.batch_id = ?`,
    [batchId],
  );
  return new Map(rows.map((r) => [r.id_number, { id: r.id, name: r.name, archiveNo: r.archive_no }]));
}

export function linkAccepted(tx: Tx, rowId: number, personId: number, archiveFileId: number): void {
  tx.run('UPDATE intake_roster_rows SET person_id = ?, archive_file_id = ? WHERE id = ?', [personId, archiveFileId, rowId]);
}

// ── desk counts ──

interface DeskRow {
  roster_row_id: number;
  volumes: number;
  pages: number;
  thickness_mm: number | null;
  explanation: string;
  counted_at: string;
  counted_by: string;
}

function toDesk(r: DeskRow): DeskCount {
  return {
    rosterRowId: r.roster_row_id,
    volumes: r.volumes,
    pages: r.pages,
    thicknessMm: r.thickness_mm,
    explanation: r.explanation,
    countedAt: r.counted_at,
    countedBy: r.counted_by,
  };
}

export function deskCount(db: Reader, rosterRowId: number): DeskCount | undefined {
  const r = db.get<DeskRow>('SELECT * FROM intake_desk_counts WHERE roster_row_id = ?', [rosterRowId]);
  return r && toDesk(r);
}

export function deskCounts(db: Reader, batchId: number): Map<number, DeskCount> {
  const rows = db.all<DeskRow>('SELECT * FROM intake_desk_counts WHERE batch_id = ?', [batchId]);
  return new Map(rows.map((r) => [r.roster_row_id, toDesk(r)]));
}

export function upsertDeskCount(tx: Tx, batchId: number, d: DeskCount): void {
  tx.run(
    `INSERT INTO intake_desk_counts (roster_row_id, batch_id, volumes, pages, thickness_mm, explanation, counted_at, counted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(roster_row_id) DO UPDATE SET volumes = excluded.volumes, pages = excluded.pages, thickness_mm = excluded.thickness_mm,
       explanation = excluded.explanation, counted_at = excluded.counted_at, counted_by = excluded.counted_by`,
    [d.rosterRowId, batchId, d.volumes, d.pages, d.thicknessMm, d.explanation, d.countedAt, d.countedBy],
  );
}

export function deleteDeskCount(tx: Tx, rosterRowId: number): void {
  tx.run('DELETE FROM intake_desk_counts WHERE roster_row_id = ?', [rosterRowId]);
}
