/**
 * Numbered migrations, applied in order inside one journaled write each. Add a file
 * NNN_name.ts, append it here, and add a test (tests/db/migrations.test.ts or tests/db/migrationNNN.test.ts).
 */
import type { Store } from '../../store/api';
import { AppError } from '../../../../shared/errors';
import type { Migration } from './types';
import { migration001 } from './001_initial';
import { migration002 } from './002_digitization';
import { migration003 } from './003_holdings';
import { migration004 } from './004_intake';
import { migration005 } from './005_storage';
import { migration006 } from './006_lending';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function schemaVersion(store: Pick<Store, 'get'>): number {
  const table = store.get<{ n: number }>(
    "SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name='schema_migrations'",
  );
  if (!table || table.n === 0) return 0;
  return store.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')?.v ?? 0;
}

/** Brings the database up to `target` (default: latest). Returns the versions applied. */
export function migrate(store: Store, appliedAt: string, target: number = LATEST_VERSION): number[] {
  const current = schemaVersion(store);
  if (current > LATEST_VERSION) {
    throw new AppError(
      'CONFLICT',
      `此档案库由较新版本的档案工作站创建（数据结构版本 ${current}，本程序支持到 ${LATEST_VERSION}）。请升级程序后再打开。`,
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    store.write((tx) => {
      tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const stmt of splitStatements(m.sql)) tx.run(stmt);
      tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, appliedAt]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Splits a migration script on semicolons at line ends; migrations contain no triggers or strings with ';'. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
