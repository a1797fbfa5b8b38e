/** SQL for finding files in storage: locate (indexed by archive number, ID number, name), labels, shelf-end ranges. */
import type { FileStatus, Side } from '../../../../shared/storageTypes';
import type { Reader } from '../../store/api';

export interface FoundRow {
  file_id: number;
  archive_no: string;
  person_id: number;
  name: string;
  id_number: string;
  community_id: number;
  community_name: string;
  volumes: number;
  status: FileStatus;
  shelf_id: number | null;
  row_no: number | null;
  section_no: number | null;
  level_no: number | null;
  side: Side | null;
  unit_id: number | null;
  unit_name: string | null;
  room_id: number | null;
  room_name: string | null;
  room_units: number;
  position: number;
}

const SELECT = `SELECT f.id AS file_id, f.archive_no, f.person_id, p.name, p.id_number, f.community_id, c.name AS community_name,
    f.volumes, f.status, pl.shelf_id, s.row_no, s.section_no, s.level_no, s.side, u.id AS unit_id, u.name AS unit_name,
    rm.id AS room_id, rm.name AS room_name,
    (SELECT COUNT(*) FROM storage_units u2 WHERE u2.room_id = rm.id) AS room_units,
    CASE WHEN pl.shelf_id IS NULL THEN 0 ELSE
      (SELECT COUNT(*) FROM storage_places x WHERE x.shelf_id = pl.shelf_id AND (x.community_id < pl.community_id OR (x.community_id = pl.community_id AND x.seq < pl.seq))) + 1 END AS position
  FROM archive_files f JOIN persons p ON p.id = f.person_id JOIN communities c ON c.id = f.community_id
  LEFT JOIN storage_places pl ON pl.file_id = f.id
  LEFT JOIN storage_shelves s ON s.id = pl.shelf_id
  LEFT JOIN storage_units u ON u.id = s.unit_id
  LEFT JOIN storage_rooms rm ON rm.id = u.room_id`;

export function byArchiveNo(r: Reader, archiveNo: string): FoundRow | undefined {
  return r.get<FoundRow>(`${SELECT} WHERE f.archive_no = ?`, [archiveNo]);
}

export function byIdNumber(r: Reader, idNumber: string): FoundRow[] {
  return r.all<FoundRow>(`${SELECT} WHERE p.id_number = ?`, [idNumber]);
}

export function byName(r: Reader, name: string, limit: number): FoundRow[] {
  // Exact name first (indexed), then names containing the text.
  return r.all<FoundRow>(`${SELECT} WHERE p.name LIKE ? ESCAPE '\\' ORDER BY (p.name = ?) DESC, f.archive_no LIMIT ?`, [`%${name.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, name, limit]);
}

export function byFileIds(r: Reader, ids: number[]): FoundRow[] {
  if (ids.length === 0) return [];
  return r.all<FoundRow>(`${SELECT} WHERE f.id IN (${ids.map(() => '?').join(',')}) ORDER BY f.community_id, f.seq`, ids);
}

/** Files on the shelves of one unit (optionally a row range), in filing order: for shelf-end labels and stocktakes. */
export function filesOnUnit(r: Reader, unitId: number, fromRow: number | null, toRow: number | null): (FoundRow & { ord: number })[] {
  return r.all<FoundRow & { ord: number }>(
    `${SELECT.replace('FROM archive_files f', ', s.ord FROM archive_files f')}
     WHERE s.unit_id = ? AND (? IS NULL OR s.row_no >= ?) AND (? IS NULL OR s.row_no <= ?) AND f.status <> 'transferred_out'
     ORDER BY s.ord, f.community_id, f.seq`,
    [unitId, fromRow, fromRow, toRow, toRow],
  );
}

export function fileIdsOnUnit(r: Reader, unitId: number, fromRow: number | null, toRow: number | null): number {
  return (
    r.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM storage_places pl JOIN storage_shelves s ON s.id = pl.shelf_id JOIN archive_files f ON f.id = pl.file_id
       WHERE s.unit_id = ? AND (? IS NULL OR s.row_no >= ?) AND (? IS NULL OR s.row_no <= ?) AND f.status <> 'transferred_out'`,
      [unitId, fromRow, fromRow, toRow, toRow],
    )?.n ?? 0
  );
}

/** Files and volumes held (not transferred out), per community. */
export function heldPerCommunity(r: Reader): { community_id: number; files: number; volumes: number }[] {
  // Listed statuses (not <> 'transferred_out') so the covering status index is read by range.
  return r.all(
    "SELECT community_id, COUNT(*) AS files, SUM(volumes) AS volumes FROM archive_files WHERE status IN ('held','on_loan','digitizing') GROUP BY community_id",
  );
}
