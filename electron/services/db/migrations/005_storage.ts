/** 005 — storage: rooms, shelving, placement, stocktaking. */
import type { Migration } from './types';

// Wired in before its tables exist; the area's owner writes the SQL (and tests/db/migration005.test.ts).
export const migration005: Migration = {
  version: 5,
  name: 'storage',
  sql: '',
};
