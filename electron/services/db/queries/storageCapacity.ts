/**
 * SQL for the capacity dashboard: fill figures summed in the database per row (列) and per
 * community run, so the dashboard reads a few dozen rows whatever the number of files.
 */
import type { Reader } from '../../store/api';

/** Effective capacity of a shelf: its width, or volumes × the default thickness (parameter :thick). */
const CAP = 'CASE WHEN s.width_mm IS NOT NULL THEN s.width_mm ELSE s.capacity_volumes * :thick END';

/** Space used per shelf by files still held (a transferred-out file's space counts as free). */
const USE = `SELECT shelf_id, SUM(width_mm) AS used, COUNT(*) AS files, SUM(volumes) AS volumes
  FROM storage_places INDEXED BY storage_places_shelf
  WHERE file_id NOT IN (SELECT id FROM archive_files WHERE status = 'transferred_out')
  GROUP BY shelf_id`;

const RUN_RANGES = `SELECT r.community_id, a.ord AS first_ord, b.ord AS last_ord
  FROM storage_runs r JOIN storage_shelves a ON a.id = r.first_shelf_id JOIN storage_shelves b ON b.id = r.last_shelf_id`;

export interface RowFill {
  room_id: number;
  unit_id: number;
  unit_name: string;
  row_no: number;
  cap: number;
  used: number;
  reserved: number;
  files: number;
  volumes: number;
}

export interface RunFill {
  community_id: number;
  first_shelf_id: number;
  last_shelf_id: number;
  room_id: number;
  shelves: number;
  cap: number;
  used: number;
  files: number;
}

export interface HeldFill {
  community_id: number;
  files: number;
  volumes: number;
}

interface FillRow {
  kind: 'row' | 'run' | 'held';
  a: number;
  b: number;
  c: number;
  d: number;
  name: string | null;
  cap: number;
  used: number;
  reserved: number;
  files: number;
  volumes: number;
}

/**
 * Fill per row (列), per community run, and files held per community, in ONE statement so the
 * per-shelf use is summed once (materialized) and shared by both groupings.
 */
export function fillFigures(r: Reader, thick: number): { rows: RowFill[]; runs: RunFill[]; held: HeldFill[] } {
  const all = r.all<FillRow>(
    `WITH use AS MATERIALIZED (${USE}),
     runs AS MATERIALIZED (${RUN_RANGES}),
     shelf AS MATERIALIZED (
       SELECT s.id, s.unit_id, s.row_no, s.ord, ${CAP} AS cap, COALESCE(use.used, 0) AS used, COALESCE(use.files, 0) AS files,
         COALESCE(use.volumes, 0) AS volumes, runs.community_id AS run_of
       FROM storage_shelves s LEFT JOIN use ON use.shelf_id = s.id LEFT JOIN runs ON s.ord BETWEEN runs.first_ord AND runs.last_ord)
     SELECT 'row' AS kind, u.room_id AS a, shelf.unit_id AS b, shelf.row_no AS c, u.sort AS d, u.name AS name, SUM(cap) AS cap, SUM(used) AS used,
       SUM(CASE WHEN run_of IS NOT NULL AND cap > used THEN cap - used ELSE 0 END) AS reserved, SUM(files) AS files, SUM(volumes) AS volumes
     FROM shelf JOIN storage_units u ON u.id = shelf.unit_id
     GROUP BY u.room_id, shelf.unit_id, shelf.row_no
     UNION ALL
     SELECT 'run', run_of, MIN(ord), MAX(ord), COUNT(*), NULL, SUM(cap), SUM(used), 0, SUM(files), SUM(volumes)
     FROM shelf WHERE run_of IS NOT NULL GROUP BY run_of
     UNION ALL
     SELECT 'held', community_id, 0, 0, 0, NULL, 0, 0, 0, COUNT(*), SUM(volumes)
     FROM archive_files WHERE status IN ('held','on_loan','digitizing') GROUP BY community_id`,
    { ':thick': thick },
  );
  const rows: RowFill[] = [];
  const runs: RunFill[] = [];
  const held: HeldFill[] = [];
  const runIds = new Map(r.all<{ community_id: number; first_shelf_id: number; last_shelf_id: number; room_id: number }>(
    'SELECT r.community_id, r.first_shelf_id, r.last_shelf_id, u.room_id FROM storage_runs r JOIN storage_shelves s ON s.id = r.first_shelf_id JOIN storage_units u ON u.id = s.unit_id',
  ).map((x) => [x.community_id, x]));
  for (const x of all) {
    if (x.kind === 'row') rows.push({ room_id: x.a, unit_id: x.b, unit_name: x.name ?? '', row_no: x.c, cap: x.cap, used: x.used, reserved: x.reserved, files: x.files, volumes: x.volumes });
    else if (x.kind === 'held') held.push({ community_id: x.a, files: x.files, volumes: x.volumes });
    else {
      const ids = runIds.get(x.a);
      if (ids) runs.push({ community_id: x.a, first_shelf_id: ids.first_shelf_id, last_shelf_id: ids.last_shelf_id, room_id: ids.room_id, shelves: x.d, cap: x.cap, used: x.used, files: x.files });
    }
  }
  // Runs in filing order (x.b held the first ord); rows as the units are sorted.
  const firstOrd = new Map(all.filter((x) => x.kind === 'run').map((x) => [x.a, x.b]));
  runs.sort((p, q) => (firstOrd.get(p.community_id) ?? 0) - (firstOrd.get(q.community_id) ?? 0));
  const unitSort = new Map(all.filter((x) => x.kind === 'row').map((x) => [x.b, x.d]));
  rows.sort((p, q) => (unitSort.get(p.unit_id) ?? 0) - (unitSort.get(q.unit_id) ?? 0) || p.unit_id - q.unit_id || p.row_no - q.row_no);
  return { rows, runs, held };
}
