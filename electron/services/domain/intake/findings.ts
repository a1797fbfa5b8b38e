/** The decision screen's findings: listing, resolving with a note (e.g. 已收到书面说明), reopening. */
import { AppError } from '../../../../shared/errors';
import type { IntakeFinding } from '../../../../shared/intakeTypes';
import * as fq from '../../db/queries/intakeFindings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireOpenBatch } from './batches';

function requireFinding(ctx: DomainContext, id: number): IntakeFinding {
  const f = fq.findingById(ctx.store, id);
  if (!f) throw new AppError('NOT_FOUND', '找不到该问题，可能已在重新核验时被替换。请刷新后重试。');
  return f;
}

export function resolveFindings(ctx: DomainContext, ids: readonly number[], note: string): IntakeFinding[] {
  const found = [...new Set(ids)].map((id) => requireFinding(ctx, id));
  for (const batchId of new Set(found.map((f) => f.batchId))) requireOpenBatch(ctx.store, batchId);
  const at = ctx.now().toISOString();
  writeAudited(ctx, (tx) => {
    for (const f of found) fq.resolveFinding(tx, f.id, note, ctx.actor.userName, at);
    return {
      value: null,
      audit: found.map((f) => ({ action: 'intake.finding.resolve', entity: 'intake_finding', entityId: f.id, before: { state: f.state, resolution: f.resolution }, after: { code: f.code, note } })),
    };
  });
  return found.map((f) => requireFinding(ctx, f.id));
}

export function reopenFinding(ctx: DomainContext, id: number): IntakeFinding {
  const f = requireFinding(ctx, id);
  requireOpenBatch(ctx.store, f.batchId);
  if (f.state === 'open') return f;
  writeAudited(ctx, (tx) => {
    fq.reopenFinding(tx, id);
    return { value: null, audit: { action: 'intake.finding.reopen', entity: 'intake_finding', entityId: id, before: { resolution: f.resolution, resolvedBy: f.resolvedBy } } };
  });
  return requireFinding(ctx, id);
}
