/**
 * 操作日志: every change and sign-in is one entry, written in the SAME transaction as the change.
 * Entries form an HMAC chain (key derived from the data key): altering, removing or reordering any
 * entry — including the newest, via audit_head — breaks the chain and `verifyAuditChain` names it.
 */
import crypto from 'node:crypto';
import type { Reader, Tx } from '../store/api';
import type { VerifyProblem } from '../../../shared/types';
import { appendAuditRow, auditHead, auditRowsAfter, type AuditRow } from '../db/queries/audit';
import type { Actor } from './context';

const GENESIS = '0'.repeat(64);

export function deriveAuditKey(dataKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'archivedesk/audit-chain/v1', 32));
}

function entryHash(key: Buffer, r: Omit<AuditRow, 'hash'>): string {
  const fields = [r.id, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id, r.before_json, r.after_json, r.prev_hash];
  return crypto.createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
}

export interface AuditEvent {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export function appendAudit(tx: Tx, key: Buffer, actor: Actor, at: Date, e: AuditEvent): void {
  const head = auditHead(tx);
  const row: Omit<AuditRow, 'hash'> = {
    id: (head?.lastId ?? 0) + 1,
    at: at.toISOString(),
    user_id: actor.userId,
    user_name: actor.userName,
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    before_json: e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === undefined ? null : JSON.stringify(e.after),
    prev_hash: head?.lastHash ?? GENESIS,
  };
  appendAuditRow(tx, { ...row, hash: entryHash(key, row) });
}

/** Walks the whole chain in pages; returns the count checked and one problem per break. */
export function verifyAuditChain(db: Reader, key: Buffer): { entries: number; problems: VerifyProblem[] } {
  const problems: VerifyProblem[] = [];
  const problem = (message: string) => problems.push({ kind: 'audit', file: '操作日志', message });
  let prevHash = GENESIS;
  let expectedId = 1;
  let entries = 0;
  for (;;) {
    const page = auditRowsAfter(db, expectedId - 1, 5000);
    if (page.length === 0) break;
    for (const r of page) {
      if (r.id !== expectedId) {
        problem(`操作日志第 ${expectedId}–${r.id - 1} 条缺失（已被删除）。`);
        prevHash = r.prev_hash; // resynchronise so later entries are still checked
      }
      if (r.prev_hash !== prevHash) problem(`操作日志第 ${r.id} 条与前一条的链接不符（前面的记录被修改或删除）。`);
      if (entryHash(key, r) !== r.hash) problem(`操作日志第 ${r.id} 条内容被修改（哈希不符）。`);
      prevHash = r.hash;
      expectedId = r.id + 1;
      entries++;
    }
  }
  const head = auditHead(db);
  const lastId = expectedId - 1;
  if (head && (head.lastId !== lastId || head.lastHash !== prevHash)) {
    problem(`操作日志末尾缺失：应有 ${head.lastId} 条，实有 ${lastId} 条（最新的记录被删除或修改）。`);
  }
  if (!head && entries > 0) problem('操作日志的链尾记录缺失。');
  return { entries, problems };
}
