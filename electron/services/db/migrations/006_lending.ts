/**
 * 006 — lending (查阅、借阅, domain.md §8): requests with their readers and files, the approvals
 * (one row per level), the loan of each file (check-out and return on the file's row), every page
 * viewed digitally, and transfers out (转出) whose 回执 sits in the shared receipts table.
 */
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'lending',
  sql: `
CREATE TABLE lending_requests (
  id INTEGER PRIMARY KEY,
  request_no TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  type TEXT NOT NULL CHECK (type IN ('查阅','借阅','复制','出具证明','电子查阅')),
  purpose TEXT NOT NULL,
  purpose_other TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  letter_no TEXT NOT NULL DEFAULT '',
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL CHECK (period_to >= period_from),
  note TEXT NOT NULL DEFAULT '',
  -- fixed when the request is entered, so changing the setting never strands a request half-way
  levels_required INTEGER NOT NULL CHECK (levels_required IN (1,2)),
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected','in_use','completed','cancelled')),
  approved_at TEXT,
  -- last day an unused approval may be executed; 'expired' is derived from it, never stored
  expires_on TEXT,
  used_at TEXT,
  closed_at TEXT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  entered_by INTEGER NOT NULL REFERENCES users(id),
  entered_by_name TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX lending_requests_status ON lending_requests(status, entered_at);

CREATE TABLE lending_readers (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES lending_requests(id),
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  unit TEXT NOT NULL,
  post TEXT NOT NULL DEFAULT '',
  political TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL,
  relation TEXT NOT NULL,
  UNIQUE (request_id, ord)
);

CREATE TABLE lending_files (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES lending_requests(id),
  file_id INTEGER NOT NULL REFERENCES archive_files(id),
  ord INTEGER NOT NULL,
  volumes_json TEXT NOT NULL,
  classes_json TEXT NOT NULL DEFAULT '[]',
  items_json TEXT NOT NULL DEFAULT '[]',
  checked_out_at TEXT,
  checked_out_by TEXT,
  taken_by TEXT,
  volumes_out_json TEXT NOT NULL DEFAULT '[]',
  due TEXT,
  returned_at TEXT,
  returned_by TEXT,
  received_by TEXT,
  condition TEXT,
  condition_note TEXT NOT NULL DEFAULT '',
  UNIQUE (request_id, file_id),
  CHECK (returned_at IS NULL OR checked_out_at IS NOT NULL)
);
CREATE INDEX lending_files_file ON lending_files(file_id);
-- a file can be out on one loan at a time, whatever the code above does
CREATE UNIQUE INDEX lending_files_one_out ON lending_files(file_id) WHERE checked_out_at IS NOT NULL AND returned_at IS NULL;

CREATE TABLE lending_approvals (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES lending_requests(id),
  level INTEGER NOT NULL CHECK (level IN (1,2)),
  decision TEXT NOT NULL CHECK (decision IN ('approved','rejected')),
  opinion TEXT NOT NULL DEFAULT '',
  user_id INTEGER NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (request_id, level)
);

CREATE TABLE lending_views (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES lending_requests(id),
  page_id INTEGER NOT NULL REFERENCES pages(id),
  kind TEXT NOT NULL DEFAULT 'view' CHECK (kind IN ('view','copy')),
  user_id INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX lending_views_request ON lending_views(request_id, at);

CREATE TABLE transfers_out (
  id INTEGER PRIMARY KEY,
  transfer_no TEXT NOT NULL UNIQUE,
  receiver_unit TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  with_digital INTEGER NOT NULL DEFAULT 1,
  note TEXT NOT NULL DEFAULT '',
  handled_by INTEGER NOT NULL REFERENCES users(id),
  handled_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  document_id INTEGER REFERENCES documents(id)
);

CREATE TABLE transfer_out_files (
  transfer_id INTEGER NOT NULL REFERENCES transfers_out(id),
  file_id INTEGER NOT NULL UNIQUE REFERENCES archive_files(id),
  ord INTEGER NOT NULL,
  PRIMARY KEY (transfer_id, file_id)
);
`,
};
