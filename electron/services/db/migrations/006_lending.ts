/** 006 — lending: requests, approvals, loans, viewing log, transfers out. */
import type { Migration } from './types';

// Wired in before its tables exist; the area's owner writes the SQL (and tests/db/migration006.test.ts).
export const migration006: Migration = {
  version: 6,
  name: 'lending',
  sql: '',
};
