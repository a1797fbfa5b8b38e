/** SQL for 操作日志 and its chain head. Hashing lives in domain/audit.ts. */
import type { Reader, SqlValue, Tx } from '../../store/api';
import type { AuditEntry, Page } from '../../../../shared/types';

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

const COLS = 'id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash';

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  };
}

export function auditHead(db: Reader): { lastId: number; lastHash: string } | undefined {
  const r = db.get<{ last_id: number; last_hash: string }>('SELECT last_id, last_hash FROM audit_head WHERE id = 1');
  return r && { lastId: r.last_id, lastHash: r.last_hash };
}

/** Appends an entry and moves the chain head to it, in the caller's transaction. */
export function appendAuditRow(tx: Tx, r: AuditRow): void {
  tx.run(
    `INSERT INTO audit_log (id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id, r.before_json, r.after_json, r.prev_hash, r.hash],
  );
  tx.run(
    'INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
    [r.id, r.hash],
  );
}

/** All rows in id order, in pages, for chain verification. */
export function auditRowsAfter(db: Reader, afterId: number, limit: number): AuditRow[] {
  return db.all<AuditRow>(`SELECT ${COLS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, [afterId, limit]);
}

export interface AuditFilter {
  userName: string;
  action: string;
  /** ISO instants: from inclusive, to exclusive. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  offset: number;
  limit: number;
}

export function searchAudit(db: Reader, f: AuditFilter): Page<AuditEntry> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.userName) {
    where.push('user_name = ?');
    params.push(f.userName);
  }
  if (f.action) {
    where.push('action LIKE ?');
    params.push(`${f.action}%`);
  }
  if (f.fromAt) {
    where.push('at >= ?');
    params.push(f.fromAt);
  }
  if (f.toAt) {
    where.push('at < ?');
    params.push(f.toAt);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log${clause}`, params)?.n ?? 0;
  const rows = db.all<AuditRow>(`SELECT ${COLS} FROM audit_log${clause} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, f.limit, f.offset]);
  return { rows: rows.map(toAuditEntry), total };
}
