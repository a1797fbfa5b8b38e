/** 004 — intake: intake batches, roster rows, desk counts, findings. */
import type { Migration } from './types';

// Wired in before its tables exist; the area's owner writes the SQL (and tests/db/migration004.test.ts).
export const migration004: Migration = {
  version: 4,
  name: 'intake',
  sql: '',
};
