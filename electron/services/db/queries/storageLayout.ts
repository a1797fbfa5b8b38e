/** SQL for the storage layout: rooms, shelving units (密集架), shelves, and the storage settings row. */
import type { Room, RoomKind, Shelf, Side } from '../../../../shared/storageTypes';
import type { Reader, Tx } from '../../store/api';

interface RoomRow {
  id: number;
  name: string;
  kind: RoomKind;
  area_m2: number;
  note: string;
  unit_count: number;
  shelf_count: number;
}

export function listRooms(r: Reader): Room[] {
  return r
    .all<RoomRow>(
      `SELECT r.id, r.name, r.kind, r.area_m2, r.note,
        (SELECT COUNT(*) FROM storage_units u WHERE u.room_id = r.id) AS unit_count,
        (SELECT COUNT(*) FROM storage_shelves s JOIN storage_units u ON u.id = s.unit_id WHERE u.room_id = r.id) AS shelf_count
       FROM storage_rooms r ORDER BY r.sort, r.id`,
    )
    .map((x) => ({ id: x.id, name: x.name, kind: x.kind, areaM2: x.area_m2, note: x.note, unitCount: x.unit_count, shelfCount: x.shelf_count }));
}

export function roomById(r: Reader, id: number): Room | undefined {
  return listRooms(r).find((x) => x.id === id);
}

export function roomByName(r: Reader, name: string): { id: number } | undefined {
  return r.get<{ id: number }>('SELECT id FROM storage_rooms WHERE name = ?', [name]);
}

export function insertRoom(tx: Tx, x: { name: string; kind: RoomKind; areaM2: number; note: string }): number {
  const sort = tx.get<{ s: number }>('SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM storage_rooms')?.s ?? 1;
  return tx.run('INSERT INTO storage_rooms (name, kind, area_m2, note, sort) VALUES (?,?,?,?,?)', [x.name, x.kind, x.areaM2, x.note, sort]).lastInsertRowid;
}

export function updateRoom(tx: Tx, id: number, x: { name: string; kind: RoomKind; areaM2: number; note: string }): void {
  tx.run('UPDATE storage_rooms SET name = ?, kind = ?, area_m2 = ?, note = ? WHERE id = ?', [x.name, x.kind, x.areaM2, x.note, id]);
}

export function deleteRoom(tx: Tx, id: number): void {
  tx.run('DELETE FROM storage_rooms WHERE id = ?', [id]);
}

export interface UnitRow {
  id: number;
  room_id: number;
  room_name: string;
  name: string;
  rows: number;
  sections: number;
  shelves: number;
  sides: string;
  width_mm: number | null;
  capacity_volumes: number | null;
  shelf_count: number;
  file_count: number;
}

export function listUnits(r: Reader, roomId?: number): UnitRow[] {
  return r.all<UnitRow>(
    `SELECT u.id, u.room_id, rm.name AS room_name, u.name,
       MAX(s.row_no) AS rows, MAX(s.section_no) AS sections, MAX(s.level_no) AS shelves,
       GROUP_CONCAT(DISTINCT s.side) AS sides, MAX(s.width_mm) AS width_mm, MAX(s.capacity_volumes) AS capacity_volumes,
       COUNT(s.id) AS shelf_count,
       (SELECT COUNT(*) FROM storage_places p JOIN storage_shelves s2 ON s2.id = p.shelf_id WHERE s2.unit_id = u.id) AS file_count
     FROM storage_units u JOIN storage_rooms rm ON rm.id = u.room_id
     LEFT JOIN storage_shelves s ON s.unit_id = u.id
     WHERE (? IS NULL OR u.room_id = ?)
     GROUP BY u.id ORDER BY rm.sort, u.sort, u.id`,
    [roomId ?? null, roomId ?? null],
  );
}

export function unitByName(r: Reader, roomId: number, name: string): { id: number } | undefined {
  return r.get<{ id: number }>('SELECT id FROM storage_units WHERE room_id = ? AND name = ?', [roomId, name]);
}

export function insertUnit(tx: Tx, roomId: number, name: string): number {
  const sort = tx.get<{ s: number }>('SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM storage_units WHERE room_id = ?', [roomId])?.s ?? 1;
  return tx.run('INSERT INTO storage_units (room_id, name, sort) VALUES (?,?,?)', [roomId, name, sort]).lastInsertRowid;
}

export function unitFileCount(r: Reader, unitId: number): number {
  return r.get<{ n: number }>('SELECT COUNT(*) AS n FROM storage_places p JOIN storage_shelves s ON s.id = p.shelf_id WHERE s.unit_id = ?', [unitId])?.n ?? 0;
}

export function deleteUnit(tx: Tx, unitId: number): void {
  // A run that only reached into the (empty) unit as reserve ends just before it instead; one that starts in it goes.
  tx.run(
    `UPDATE storage_runs SET last_shelf_id = (
       SELECT id FROM storage_shelves WHERE ord < (SELECT MIN(ord) FROM storage_shelves WHERE unit_id = :u) ORDER BY ord DESC LIMIT 1)
     WHERE last_shelf_id IN (SELECT id FROM storage_shelves WHERE unit_id = :u) AND first_shelf_id NOT IN (SELECT id FROM storage_shelves WHERE unit_id = :u)`,
    { ':u': unitId },
  );
  tx.run('DELETE FROM storage_runs WHERE first_shelf_id IN (SELECT id FROM storage_shelves WHERE unit_id = ?) OR last_shelf_id IN (SELECT id FROM storage_shelves WHERE unit_id = ?)', [unitId, unitId]);
  tx.run('DELETE FROM storage_shelves WHERE unit_id = ?', [unitId]);
  tx.run('DELETE FROM storage_units WHERE id = ?', [unitId]);
  renumberShelves(tx);
}

export type NewShelf = Pick<Shelf, 'row' | 'section' | 'level' | 'side' | 'widthMm' | 'capacityVolumes'>;

/** Inserts in chunks of multi-row statements: a 720-shelf unit is a handful of journaled statements. */
export function insertShelves(tx: Tx, unitId: number, shelves: NewShelf[]): void {
  for (let i = 0; i < shelves.length; i += 200) {
    const chunk = shelves.slice(i, i + 200);
    const params = chunk.flatMap((s) => [unitId, s.row, s.section, s.level, s.side, s.widthMm, s.capacityVolumes]);
    tx.run(`INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, width_mm, capacity_volumes, ord) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,0)').join(',')}`, params);
  }
  renumberShelves(tx);
}

/** Filing order: room, unit, row (列), side (面), section (节), level (层) — a clerk reads side A bay by bay, top to bottom. */
export function renumberShelves(tx: Tx): void {
  tx.run(`UPDATE storage_shelves SET ord = (
    SELECT o.n FROM (
      SELECT s.id, ROW_NUMBER() OVER (ORDER BY r.sort, r.id, u.sort, u.id, s.row_no, s.side, s.section_no, s.level_no) AS n
      FROM storage_shelves s JOIN storage_units u ON u.id = s.unit_id JOIN storage_rooms r ON r.id = u.room_id
    ) o WHERE o.id = storage_shelves.id)`);
}

export function existingPositions(r: Reader, unitId: number): Set<string> {
  return new Set(
    r.all<{ k: string }>("SELECT row_no || '-' || section_no || '-' || level_no || '-' || side AS k FROM storage_shelves WHERE unit_id = ?", [unitId]).map((x) => x.k),
  );
}

export interface ShelfRow {
  id: number;
  unit_id: number;
  row_no: number;
  section_no: number;
  level_no: number;
  side: Side;
  width_mm: number | null;
  capacity_volumes: number | null;
  used_mm: number;
  file_count: number;
}

export function listShelves(r: Reader, unitId: number, row?: number): ShelfRow[] {
  return r.all<ShelfRow>(
    `SELECT s.id, s.unit_id, s.row_no, s.section_no, s.level_no, s.side, s.width_mm, s.capacity_volumes,
       COALESCE(SUM(p.width_mm), 0) AS used_mm, COUNT(p.file_id) AS file_count
     FROM storage_shelves s LEFT JOIN storage_places p ON p.shelf_id = s.id
     WHERE s.unit_id = ? AND (? IS NULL OR s.row_no = ?)
     GROUP BY s.id ORDER BY s.ord`,
    [unitId, row ?? null, row ?? null],
  );
}

export function getSetting(r: Reader, key: string): string | undefined {
  return r.get<{ value: string }>('SELECT value FROM storage_settings WHERE key = ?', [key])?.value;
}

export function putSetting(tx: Tx, key: string, value: string): void {
  tx.run('INSERT INTO storage_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}
