/** One durable transaction that changes data and records the change in the audit log together. */
import type { Tx } from '../store/api';
import { appendAudit, type AuditEvent } from './audit';
import type { DomainContext } from './context';

export function writeAudited<T>(ctx: DomainContext, fn: (tx: Tx) => { value: T; audit: AuditEvent | AuditEvent[] }): T {
  const at = ctx.now();
  return ctx.store.write((tx) => {
    const { value, audit } = fn(tx);
    for (const e of Array.isArray(audit) ? audit : [audit]) appendAudit(tx, ctx.auditKey, ctx.actor, at, e);
    return value;
  });
}
