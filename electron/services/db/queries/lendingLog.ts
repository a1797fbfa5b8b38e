/** SQL for what a request left behind: pages viewed or copied, and its audit trail. */
import type { Reader, Tx } from '../../store/api';

export function insertView(tx: Tx, v: { requestId: number; pageId: number; kind: 'view' | 'copy'; userId: number; userName: string; at: string }): void {
  tx.run('INSERT INTO lending_views (request_id, page_id, kind, user_id, user_name, at) VALUES (?,?,?,?,?,?)', [
    v.requestId, v.pageId, v.kind, v.userId, v.userName, v.at,
  ]);
}

export function viewCount(db: Reader, requestId: number): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM lending_views WHERE request_id = ?', [requestId])?.n ?? 0;
}

export interface RequestAuditRow {
  at: string;
  user: string;
  action: string;
  after: string | null;
}

export function auditOfRequest(db: Reader, requestId: number): RequestAuditRow[] {
  return db.all<RequestAuditRow>(
    "SELECT at, user_name AS user, action, after_json AS after FROM audit_log WHERE entity = 'lending_request' AND entity_id = ? ORDER BY id",
    [String(requestId)],
  );
}
