/** 退回: a delivery that failed inspection goes back to the enterprise with a 退回通知 listing the findings. */
import type { DocumentInfo } from '../../../../shared/types';
import type { IntakeBatch, ReturnResult } from '../../../../shared/intakeTypes';
import * as bq from '../../db/queries/intakeBatches';
import * as fq from '../../db/queries/intakeFindings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireBatch, requireOpenBatch } from './batches';
import { discardAll, findingLines, renderBatchDocuments, type BatchDocSpec } from './documents';
import { intakeSettings } from './settings';

export async function returnBatch(ctx: DomainContext, batchId: number, reason: string, inspectedBy: string): Promise<ReturnResult> {
  const batch = requireOpenBatch(ctx.store, batchId);
  const counts = bq.batchCounts(ctx.store, batchId);
  const today = ctx.now().toISOString().slice(0, 10);
  const docs = await renderBatchDocuments(ctx, batch, [returnNoticeSpec(ctx, batch, inspectedBy, today, reason)]);
  try {
    return writeAudited(ctx, (tx) => {
      requireOpenBatch(tx, batchId);
      bq.markReturned(tx, batchId, today, reason, ctx.now().toISOString());
      const recorded: DocumentInfo[] = docs.staged.map((s) => s.stage.record(tx));
      return {
        value: { batch: requireBatch(tx, batchId), document: recorded[0] ?? null, documentProblems: docs.problems },
        audit: {
          action: 'intake.batch.return',
          entity: 'intake_batch',
          entityId: batchId,
          before: { status: batch.status },
          after: { status: 'returned', reason, findingsOpen: counts.findingsOpen, documents: recorded.map((d) => ({ id: d.id, sha256: d.sha256 })) },
        },
      };
    });
  } catch (err) {
    discardAll(docs);
    throw err;
  }
}

/** The 退回通知: the delivery, who inspected it and when, the findings still open and the reason. */
export function returnNoticeSpec(ctx: DomainContext, batch: IntakeBatch, inspectedBy: string, inspectedOn: string, conclusion: string): BatchDocSpec {
  const counts = bq.batchCounts(ctx.store, batch.id);
  return {
    kind: 'return',
    doc: {
      kind: 'return',
      archiveUnit: intakeSettings(ctx.store).archiveUnit,
      enterprise: batch.enterprise,
      batchNo: batch.batchNo,
      deliveredBy: batch.deliveredBy,
      deliveredOn: batch.deliveredOn,
      inspectedBy,
      inspectedOn,
      persons: counts.persons,
      volumes: counts.volumes,
      pages: counts.pages,
      findings: findingLines(fq.listFindings(ctx.store, { batchId: batch.id, state: 'open' })),
      conclusion,
    },
  };
}
