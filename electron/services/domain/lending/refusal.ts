/**
 * Refusals are part of the record: when a rule says no, the reason goes to the audit log in its
 * own small transaction (the refused change itself was never written) and the error goes back.
 */
import { AppError } from '../../../../shared/errors';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

const REFUSALS = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);

export function auditRefusal(ctx: DomainContext, e: unknown, attempted: string, entity: string, entityId: string | number): void {
  if (!(e instanceof AppError) || !REFUSALS.has(e.code)) return;
  writeAudited(ctx, () => ({ value: null, audit: { action: 'lending.refused', entity, entityId, after: { attempted, reason: e.message } } }));
}

export async function refusing<T>(ctx: DomainContext, attempted: string, entity: string, entityId: string | number, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    auditRefusal(ctx, e, attempted, entity, entityId);
    throw e;
  }
}
