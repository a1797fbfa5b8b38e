/**
 * 005 — storage: rooms → shelving units (密集架) → shelves (列/节/层/面); where each archive file sits;
 * each community's run (a contiguous stretch of shelves kept for it, growth reserve included);
 * settings as JSON; stocktakes (盘点) and their scans.
 */
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'storage',
  sql: `
CREATE TABLE storage_rooms (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('storage','reading','office')),
  area_m2 REAL NOT NULL DEFAULT 0 CHECK (area_m2 >= 0),
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL
);

CREATE TABLE storage_units (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES storage_rooms(id),
  name TEXT NOT NULL,
  sort INTEGER NOT NULL,
  UNIQUE (room_id, name)
);

-- One row per shelf face. Capacity is a usable width in mm, or a count of volumes (exactly one).
-- ord is the filing order across the whole archive (room, unit, row, side, section, level), so a
-- community's run is a range of ord; it is renumbered when shelves are added.
CREATE TABLE storage_shelves (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES storage_units(id),
  row_no INTEGER NOT NULL CHECK (row_no >= 1),
  section_no INTEGER NOT NULL CHECK (section_no >= 1),
  level_no INTEGER NOT NULL CHECK (level_no >= 1),
  side TEXT NOT NULL CHECK (side IN ('A','B')),
  width_mm REAL CHECK (width_mm > 0),
  capacity_volumes INTEGER CHECK (capacity_volumes > 0),
  ord INTEGER NOT NULL,
  CHECK ((width_mm IS NULL) <> (capacity_volumes IS NULL)),
  UNIQUE (unit_id, row_no, section_no, level_no, side)
);
CREATE INDEX storage_shelves_ord ON storage_shelves(ord);

-- Where a file sits. width_mm is the space it takes (measured or defaulted when placed), so fill
-- figures are one indexed sum. The position on the shelf (位) follows archive-number order.
CREATE TABLE storage_places (
  file_id INTEGER PRIMARY KEY REFERENCES archive_files(id),
  shelf_id INTEGER NOT NULL REFERENCES storage_shelves(id),
  community_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  width_mm REAL NOT NULL CHECK (width_mm >= 0),
  volumes INTEGER NOT NULL DEFAULT 1,
  placed_at TEXT NOT NULL
);
-- Covering: per-shelf fill figures are read from this index alone.
CREATE INDEX storage_places_shelf ON storage_places(shelf_id, community_id, seq, width_mm, volumes, file_id);
CREATE INDEX storage_places_community ON storage_places(community_id, seq);
-- Holdings lookups storage makes often: files that left (rare), and intake per month.
CREATE INDEX archive_files_status ON archive_files(status, community_id, volumes);
CREATE INDEX archive_files_received ON archive_files(received_on, community_id, volumes);

-- The stretch of shelves kept for one community (first..last shelf, inclusive, in ord order).
CREATE TABLE storage_runs (
  community_id INTEGER PRIMARY KEY REFERENCES communities(id),
  first_shelf_id INTEGER NOT NULL REFERENCES storage_shelves(id),
  last_shelf_id INTEGER NOT NULL REFERENCES storage_shelves(id)
);

CREATE TABLE storage_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE stocktakes (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES storage_units(id),
  from_row INTEGER,
  to_row INTEGER,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','finished')),
  expected INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  finished_at TEXT,
  report_document_id INTEGER REFERENCES documents(id)
);

CREATE TABLE stocktake_scans (
  id INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
  shelf_id INTEGER NOT NULL REFERENCES storage_shelves(id),
  code TEXT NOT NULL,
  file_id INTEGER REFERENCES archive_files(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('found','misplaced','unexpected','on_loan')),
  scanned_at TEXT NOT NULL
);
CREATE INDEX stocktake_scans_take ON stocktake_scans(stocktake_id, file_id);
`,
};
