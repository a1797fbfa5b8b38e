/**
 * 003 — holdings: the files the archive holds (案卷), numbered per community and never renumbered;
 * the per-community sequence that makes numbers gap-free and never reused; receipts sent out and
 * awaited back (intake's 回执 and transfers out share one list); generated documents kept for reprint.
 * Intake creates archive_files on acceptance; storage places them; lending changes their status.
 */
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'holdings',
  sql: `
CREATE TABLE archive_files (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  archive_no TEXT NOT NULL UNIQUE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  volumes INTEGER NOT NULL CHECK (volumes >= 1),
  pages INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0),
  -- total thickness of all volumes, measured at intake or the batch default; storage plans with it
  thickness_mm REAL NOT NULL DEFAULT 0 CHECK (thickness_mm >= 0),
  batch_id INTEGER,
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held','on_loan','digitizing','transferred_out')),
  received_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, seq)
);
CREATE INDEX archive_files_community ON archive_files(community_id, seq);

-- last_seq only ever grows: a number once issued is never issued again, even if its file leaves.
CREATE TABLE archive_sequences (
  community_id INTEGER PRIMARY KEY REFERENCES communities(id),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  ref_entity TEXT NOT NULL,
  ref_id INTEGER,
  blob TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL,
  file_name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX documents_ref ON documents(ref_entity, ref_id);

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('intake','transfer_out')),
  ref_id INTEGER NOT NULL,
  counterparty TEXT NOT NULL,
  number_range TEXT NOT NULL DEFAULT '',
  persons INTEGER NOT NULL DEFAULT 0,
  volumes INTEGER NOT NULL DEFAULT 0,
  sent_on TEXT NOT NULL,
  returned_on TEXT,
  returned_note TEXT NOT NULL DEFAULT '',
  document_id INTEGER REFERENCES documents(id),
  UNIQUE (kind, ref_id)
);
CREATE INDEX receipts_open ON receipts(returned_on, sent_on);
`,
};
