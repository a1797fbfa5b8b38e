/**
 * 001 — accounts, towns/communities, retirees, settings, the hash-chained audit log, and the item
 * list (卷内目录) table created early so the store benchmark can seed realistic volumes.
 */
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','supervisor','intake','clerk')),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_login_at TEXT
);

CREATE TABLE towns (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE communities (
  id INTEGER PRIMARY KEY,
  town_id INTEGER NOT NULL REFERENCES towns(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (town_id, code),
  UNIQUE (town_id, name)
);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  sex TEXT NOT NULL CHECK (sex IN ('M','F')),
  birth_date TEXT NOT NULL,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  enterprise TEXT NOT NULL DEFAULT '',
  retired_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX persons_name ON persons(name);
CREATE INDEX persons_community ON persons(community_id);

CREATE TABLE item_list (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  volume_no INTEGER NOT NULL DEFAULT 1,
  class_code TEXT NOT NULL,
  item_no INTEGER NOT NULL,
  title TEXT NOT NULL,
  formed_on TEXT,
  pages INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX item_list_person ON item_list(person_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action);

-- The head of the chain is kept separately so that deleting the newest entries is detected too.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
`,
};
