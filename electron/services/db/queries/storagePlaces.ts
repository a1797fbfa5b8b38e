/** SQL for placement: the planner's state in a few set-based reads, and writing a committed plan. */
import type { Side } from '../../../../shared/storageTypes';
import type { Reader, Tx } from '../../store/api';

export interface ShelfPlaceRow {
  id: number;
  width_mm: number | null;
  capacity_volumes: number | null;
  row_no: number;
  section_no: number;
  level_no: number;
  side: Side;
  unit_id: number;
  unit_name: string;
  room_id: number;
  room_name: string;
  room_units: number;
}

const SHELF_PLACE = `SELECT s.id, s.width_mm, s.capacity_volumes, s.row_no, s.section_no, s.level_no, s.side, s.unit_id,
       u.name AS unit_name, rm.id AS room_id, rm.name AS room_name, n.units AS room_units
     FROM storage_shelves s JOIN storage_units u ON u.id = s.unit_id JOIN storage_rooms rm ON rm.id = u.room_id
     JOIN (SELECT room_id, COUNT(*) AS units FROM storage_units GROUP BY room_id) n ON n.room_id = rm.id`;

export function shelvesInOrder(r: Reader): ShelfPlaceRow[] {
  return r.all<ShelfPlaceRow>(`${SHELF_PLACE} ORDER BY s.ord`);
}

export function shelvesByIds(r: Reader, ids: number[]): ShelfPlaceRow[] {
  if (ids.length === 0) return [];
  return r.all<ShelfPlaceRow>(`${SHELF_PLACE} WHERE s.id IN (${ids.map(() => '?').join(',')})`, ids);
}

export interface ShelfUseRow {
  shelf_id: number;
  community_id: number;
  used_mm: number;
  files: number;
  volumes: number;
  id_sum: number;
}

/** Space used per shelf and community by files still held (a transferred-out file's space counts as free). */
export function shelfUse(r: Reader): ShelfUseRow[] {
  return r.all<ShelfUseRow>(
    `SELECT shelf_id, community_id, SUM(width_mm) AS used_mm, COUNT(*) AS files, SUM(volumes) AS volumes, SUM(file_id) AS id_sum
     FROM storage_places INDEXED BY storage_places_shelf
     WHERE file_id NOT IN (SELECT id FROM archive_files WHERE status = 'transferred_out')
     GROUP BY shelf_id, community_id`,
  );
}

export interface FileRow {
  id: number;
  community_id: number;
  seq: number;
  archive_no: string;
  volumes: number;
  thickness_mm: number;
}

export function unplacedFiles(r: Reader): FileRow[] {
  return r.all<FileRow>(
    `SELECT f.id, f.community_id, f.seq, f.archive_no, f.volumes, f.thickness_mm FROM archive_files f
     WHERE f.status <> 'transferred_out' AND f.id NOT IN (SELECT file_id FROM storage_places)
     ORDER BY f.community_id, f.seq`,
  );
}

export interface PlacedRow {
  file_id: number;
  community_id: number;
  seq: number;
  archive_no: string;
  width_mm: number;
  shelf_id: number;
}

/** A community's placed files from `fromSeq` on (0 = all), in order. */
export function placedFilesOf(r: Reader, communityId: number, fromSeq: number): PlacedRow[] {
  return r.all<PlacedRow>(
    `SELECT p.file_id, p.community_id, p.seq, f.archive_no, p.width_mm, p.shelf_id
     FROM storage_places p JOIN archive_files f ON f.id = p.file_id
     WHERE p.community_id = ? AND p.seq >= ? AND f.status <> 'transferred_out'
     ORDER BY p.seq`,
    [communityId, fromSeq],
  );
}

/** The placed file just before `seq` in a community: where new files must start so order holds. */
export function placedSeqBefore(r: Reader, communityId: number, seq: number): number | null {
  return r.get<{ s: number | null }>('SELECT MAX(seq) AS s FROM storage_places WHERE community_id = ? AND seq < ?', [communityId, seq])?.s ?? null;
}

export interface RunRow {
  community_id: number;
  first_shelf_id: number;
  last_shelf_id: number;
}
export function listRuns(r: Reader): RunRow[] {
  return r.all<RunRow>('SELECT community_id, first_shelf_id, last_shelf_id FROM storage_runs ORDER BY community_id');
}

export function communitiesInOrder(r: Reader): { id: number; name: string }[] {
  return r.all<{ id: number; name: string }>('SELECT c.id, c.name FROM communities c JOIN towns t ON t.id = c.town_id ORDER BY t.code, c.code, c.id');
}

/** Files received since a date, per community (the observed intake rate). */
export function intakeSince(r: Reader, since: string): { community_id: number; files: number; volumes: number }[] {
  return r.all('SELECT community_id, COUNT(*) AS files, SUM(volumes) AS volumes FROM archive_files WHERE received_on >= ? GROUP BY community_id', [since]);
}

/** Files and volumes received since a date, per month and community (one pass over the received-on index). */
export function intakeByMonthAndCommunity(r: Reader, since: string): { month: string; community_id: number; files: number; volumes: number }[] {
  return r.all(
    'SELECT substr(received_on, 1, 7) AS month, community_id, COUNT(*) AS files, SUM(volumes) AS volumes FROM archive_files WHERE received_on >= ? GROUP BY month, community_id',
    [since],
  );
}

export function insertPlaces(tx: Tx, rows: { fileId: number; shelfId: number; communityId: number; seq: number; widthMm: number; volumes: number }[], at: string): void {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    tx.run(
      `INSERT INTO storage_places (file_id, shelf_id, community_id, seq, width_mm, volumes, placed_at) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?)').join(',')}`,
      chunk.flatMap((x) => [x.fileId, x.shelfId, x.communityId, x.seq, x.widthMm, x.volumes, at]),
    );
  }
}

export function movePlace(tx: Tx, fileId: number, shelfId: number, at: string): void {
  tx.run('UPDATE storage_places SET shelf_id = ?, placed_at = ? WHERE file_id = ?', [shelfId, at, fileId]);
}

/** A file that left the archive gives its place back. */
export function releaseTransferredOut(tx: Tx): number {
  return tx.run("DELETE FROM storage_places WHERE file_id IN (SELECT id FROM archive_files WHERE status = 'transferred_out')").changes;
}

export function upsertRun(tx: Tx, communityId: number, firstShelfId: number, lastShelfId: number): void {
  tx.run(
    `INSERT INTO storage_runs (community_id, first_shelf_id, last_shelf_id) VALUES (?,?,?)
     ON CONFLICT(community_id) DO UPDATE SET first_shelf_id = excluded.first_shelf_id, last_shelf_id = excluded.last_shelf_id`,
    [communityId, firstShelfId, lastShelfId],
  );
}
