/**
 * sql.js loading and statement execution shared by the store, journal replay and the snapshot
 * worker. Live commits and replay go through the SAME `run`, so a journaled statement behaves on
 * replay exactly as it did when it was committed.
 */
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import { AppError } from '../../../shared/errors';
import type { RunResult, SqlParams, SqlValue } from './api';

/**
 * Where sql-wasm.wasm lives: an explicit path (packaged app), else ARCHIVEDESK_SQL_WASM, else the
 * copy in node_modules.
 */
export function resolveWasmPath(override?: string): string {
  return override ?? process.env.ARCHIVEDESK_SQL_WASM ?? require.resolve('sql.js/dist/sql-wasm.wasm');
}

/** sql.js caches its module per thread; each thread (core worker, snapshot worker) loads it once. */
export function loadSqlJs(wasmPath?: string): Promise<SqlJsStatic> {
  const file = resolveWasmPath(wasmPath);
  return initSqlJs({ locateFile: () => file });
}

/** Opens a database and applies the connection settings every commit was made under. */
export function openDatabase(SQL: SqlJsStatic, bytes?: Uint8Array): Database {
  const db = bytes ? new SQL.Database(bytes) : new SQL.Database();
  applyConnectionPragmas(db);
  return db;
}

/**
 * Connection-level settings are not stored in the file and `export()` resets them, so they are
 * re-applied after opening and after every export. Replay depends on them (ON DELETE CASCADE).
 */
export function applyConnectionPragmas(db: Database): void {
  db.run('PRAGMA foreign_keys = ON');
}

const TX_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const CACHE_LIMIT = 128;

export class SqlRunner {
  // Prepared statements by SQL text: a commit of one row spends more time preparing than running.
  private readonly cache = new Map<string, Statement>();
  private lastIdStmt: Statement | null = null;

  constructor(readonly db: Database) {}

  /** Runs a statement for a write. Without params the text may hold several statements (DDL). */
  run(sql: string, params?: SqlParams | null): RunResult {
    if (TX_CONTROL.test(sql)) {
      throw new AppError('INTERNAL', '事务由 store.write() 管理，写操作中不能执行 BEGIN/COMMIT/ROLLBACK/SAVEPOINT。');
    }
    if (params === undefined || params === null) {
      this.db.run(sql);
    } else {
      checkParams(params);
      const stmt = this.prepare(sql);
      try {
        stmt.bind(params);
        stmt.step();
      } finally {
        stmt.reset();
      }
    }
    return { changes: this.db.getRowsModified(), lastInsertRowid: this.lastInsertRowid() };
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    const stmt = this.prepare(sql);
    try {
      if (params !== undefined) stmt.bind(params);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    const stmt = this.prepare(sql);
    const rows: T[] = [];
    try {
      if (params !== undefined) stmt.bind(params);
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
    } finally {
      stmt.reset();
    }
    return rows;
  }

  /** Transaction control, only for the store itself. */
  exec(sql: string): void {
    this.db.run(sql);
  }

  /** Must be called before `export()` or `close()`: both free prepared statements underneath us. */
  clearCache(): void {
    for (const stmt of this.cache.values()) stmt.free();
    this.cache.clear();
    this.lastIdStmt?.free();
    this.lastIdStmt = null;
  }

  private prepare(sql: string): Statement {
    const hit = this.cache.get(sql);
    if (hit) {
      // Re-insert to keep the map in least-recently-used order.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const stmt = this.db.prepare(sql);
    this.cache.set(sql, stmt);
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.get(oldest)?.free();
      this.cache.delete(oldest);
    }
    return stmt;
  }

  private lastInsertRowid(): number {
    this.lastIdStmt ??= this.db.prepare('SELECT last_insert_rowid()');
    try {
      this.lastIdStmt.step();
      return Number(this.lastIdStmt.get()[0] ?? 0);
    } finally {
      this.lastIdStmt.reset();
    }
  }
}

/** Values that JSON cannot carry exactly would replay differently, so they are refused up front. */
function checkParams(params: SqlParams): void {
  const values: unknown[] = Array.isArray(params) ? params : Object.values(params);
  for (const v of values) {
    if (!isSqlValue(v)) {
      throw new AppError('INTERNAL', `SQL 参数类型不受支持（${describe(v)}）：只能是字符串、有限数字、null 或 Uint8Array。`);
    }
  }
}

function isSqlValue(v: unknown): v is SqlValue {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || v instanceof Uint8Array;
}

function describe(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return v === undefined ? 'undefined' : typeof v;
}
