/**
 * 002 — digitization: volumes (卷), the page strip of each volume, and the item list (卷内目录)
 * linked to a volume and its start page. Images, OCR text and PDFs live only in the encrypted blob
 * store; a page row holds their blob ids and the facts about the image.
 */
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'digitization',
  sql: `
CREATE TABLE volumes (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  volume_no INTEGER NOT NULL CHECK (volume_no >= 1),
  scheme TEXT NOT NULL CHECK (scheme IN ('enterprise','cadre')),
  archive_no TEXT,
  status TEXT NOT NULL DEFAULT 'scanning' CHECK (status IN ('scanning','accepted')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  accepted_at TEXT,
  UNIQUE (person_id, volume_no)
);
CREATE UNIQUE INDEX volumes_archive_no ON volumes(archive_no) WHERE archive_no IS NOT NULL;

-- position is the 1-based place among the volume's live pages; a deleted page keeps the place it
-- had so an undo can put it back there.
CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  volume_id INTEGER NOT NULL REFERENCES volumes(id),
  position INTEGER NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'page' CHECK (kind IN ('page','blank','cover')),
  image_blob TEXT NOT NULL,
  thumb_blob TEXT NOT NULL,
  original_blob TEXT,
  ocr_blob TEXT,
  text_pdf_blob TEXT,
  sha256 TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  dpi INTEGER NOT NULL,
  rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0,90,180,270)),
  skew REAL NOT NULL DEFAULT 0,
  colour INTEGER NOT NULL DEFAULT 0,
  -- printed_number is what the strip shows: the clerk's number if printed_number_set, else what OCR read (ocr_number).
  printed_number INTEGER,
  printed_number_set INTEGER NOT NULL DEFAULT 0,
  ocr_number INTEGER,
  steps_json TEXT NOT NULL DEFAULT '[]',
  ocr_state TEXT NOT NULL DEFAULT 'pending' CHECK (ocr_state IN ('pending','done','failed','skipped')),
  ocr_confidence REAL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pages_volume ON pages(volume_id, deleted, position);

-- Blobs a page no longer shows (replaced by a rotation) but an undo may bring back; they are
-- deleted when the volume is accepted, unless something still names them.
CREATE TABLE retired_blobs (
  id INTEGER PRIMARY KEY,
  volume_id INTEGER NOT NULL REFERENCES volumes(id),
  blob_id TEXT NOT NULL
);
CREATE INDEX retired_blobs_volume ON retired_blobs(volume_id);

ALTER TABLE item_list ADD COLUMN volume_id INTEGER REFERENCES volumes(id);
ALTER TABLE item_list ADD COLUMN start_page_id INTEGER REFERENCES pages(id);
CREATE INDEX item_list_volume ON item_list(volume_id);

-- Items catalogued before digitization existed get a volume of their own, so none is orphaned.
-- The scheme is guessed from the class codes (only cadre files use 4-1.., 9-1..).
INSERT INTO volumes (person_id, volume_no, scheme, archive_no, status, created_at, updated_at)
  SELECT i.person_id, i.volume_no,
         CASE WHEN max(instr(i.class_code, '-')) > 0 THEN 'cadre' ELSE 'enterprise' END,
         NULL, 'scanning', p.created_at, p.created_at
  FROM item_list i JOIN persons p ON p.id = i.person_id
  GROUP BY i.person_id, i.volume_no
  ORDER BY i.person_id, i.volume_no;
UPDATE item_list SET volume_id = (
  SELECT v.id FROM volumes v WHERE v.person_id = item_list.person_id AND v.volume_no = item_list.volume_no
);
`,
};
