/**
 * 004 — intake: intake batches (接收批次) with their status flow, the roster rows as imported (roster
 * order kept: numbers are issued in it), the desk's physical counts, and the findings with the
 * desk's resolution. Acceptance links a roster row to the retiree and the archive file it became.
 */
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'intake',
  sql: `
CREATE TABLE intake_batches (
  id INTEGER PRIMARY KEY,
  batch_no TEXT NOT NULL UNIQUE,
  enterprise TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  delivered_by TEXT NOT NULL,
  delivered_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','checking','returned','accepted')),
  roster_file TEXT,
  package_dir TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  returned_on TEXT,
  return_reason TEXT NOT NULL DEFAULT '',
  accepted_on TEXT,
  accepted_by TEXT,
  override_note TEXT NOT NULL DEFAULT '',
  first_no TEXT,
  last_no TEXT
);
CREATE INDEX intake_batches_status ON intake_batches(status, delivered_on);

-- One row per roster line, in roster order (position). match_id is the normalised ID the checks
-- match folders and desk scans by; id_valid says whether it passed GB 11643.
CREATE TABLE intake_roster_rows (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES intake_batches(id),
  position INTEGER NOT NULL CHECK (position >= 1),
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  name TEXT NOT NULL,
  id_text TEXT NOT NULL,
  id_numeric INTEGER NOT NULL DEFAULT 0,
  id_formula TEXT,
  match_id TEXT,
  id_valid INTEGER NOT NULL DEFAULT 0,
  county TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  community TEXT NOT NULL DEFAULT '',
  community_id INTEGER REFERENCES communities(id),
  volumes_text TEXT NOT NULL DEFAULT '',
  pages_text TEXT NOT NULL DEFAULT '',
  other TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  person_id INTEGER REFERENCES persons(id),
  archive_file_id INTEGER REFERENCES archive_files(id),
  UNIQUE (batch_id, position)
);
CREATE INDEX intake_roster_rows_match ON intake_roster_rows(match_id);
CREATE INDEX intake_roster_rows_file ON intake_roster_rows(archive_file_id);

CREATE TABLE intake_desk_counts (
  roster_row_id INTEGER PRIMARY KEY REFERENCES intake_roster_rows(id),
  batch_id INTEGER NOT NULL REFERENCES intake_batches(id),
  volumes INTEGER NOT NULL CHECK (volumes >= 0),
  pages INTEGER NOT NULL CHECK (pages >= 0),
  thickness_mm REAL CHECK (thickness_mm IS NULL OR thickness_mm >= 0),
  explanation TEXT NOT NULL DEFAULT '',
  counted_at TEXT NOT NULL,
  counted_by TEXT NOT NULL
);
CREATE INDEX intake_desk_counts_batch ON intake_desk_counts(batch_id);

-- A finding is open while resolved_at is NULL; resolution is the desk's note (e.g. 已收到书面说明).
CREATE TABLE intake_findings (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES intake_batches(id),
  source TEXT NOT NULL CHECK (source IN ('roster','desk','digital')),
  code TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error','warning')),
  roster_row_id INTEGER REFERENCES intake_roster_rows(id),
  id_number TEXT,
  name TEXT,
  file TEXT,
  page INTEGER,
  row INTEGER,
  message TEXT NOT NULL,
  resolution TEXT NOT NULL DEFAULT '',
  resolved_by TEXT,
  resolved_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX intake_findings_batch ON intake_findings(batch_id, resolved_at);
CREATE INDEX intake_findings_row ON intake_findings(roster_row_id);

-- The ledger and the batch's file list look files up by the batch that brought them.
CREATE INDEX archive_files_batch ON archive_files(batch_id);
`,
};
