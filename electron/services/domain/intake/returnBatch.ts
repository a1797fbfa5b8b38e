/** 退回: a delivery that failed inspection goes back to the enterprise with a 退回通知 listing the findings. */
import type { DocumentInfo } from '../../../../shared/types';
import type { ReturnResult } from '../../../../shared/intakeTypes';
import * as bq from '../../db/queries/intakeBatches';
import * as fq from '../../db/queries/intakeFindings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireBatch, requireOpenBatch } from './batches';
import { discardAll, findingLines, renderBatchDocuments } from './documents';
import { intakeSettings } from './settings';

export async function returnBatch(ctx: DomainContext, batchId: number, reason: string, inspectedBy: string): Promise<ReturnResult> {
  const batch = requireOpenBatch(ctx.store, batchId);
  const counts = bq.batchCounts(ctx.store, batchId);
  const findings = fq.listFindings(ctx.store, { batchId, state: 'all' });
  const today = ctx.now().toISOString().slice(0, 10);
  const docs = await renderBatchDocuments(ctx, batch, [
    {
      kind: 'return',
      doc: {
        kind: 'return',
        archiveUnit: intakeSettings(ctx.store).archiveUnit,
        enterprise: batch.enterprise,
        batchNo: batch.batchNo,
        deliveredBy: batch.deliveredBy,
        deliveredOn: batch.deliveredOn,
        inspectedBy,
        inspectedOn: today,
        persons: counts.persons,
        volumes: counts.volumes,
        pages: counts.pages,
        findings: findingLines(findings.filter((f) => f.state === 'open')),
        conclusion: reason,
      },
    },
  ]);
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
