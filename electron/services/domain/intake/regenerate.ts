/**
 * Makes again the documents a returned or accepted batch should have but does not (e.g. a template
 * failed at the time). Existing documents are never replaced: a reprint uses document.get.
 */
import { AppError } from '../../../../shared/errors';
import type { DocumentInfo } from '../../../../shared/types';
import * as dq from '../../db/queries/documents';
import * as hq from '../../db/queries/intakeHoldings';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { docSpecs } from './acceptBatch';
import { requireBatch } from './batches';
import { DOC_KINDS, discardAll, renderBatchDocuments, type BatchDocSpec } from './documents';
import { returnNoticeSpec } from './returnBatch';

export async function regenerateDocuments(ctx: DomainContext, batchId: number, signedBy: string): Promise<{ documents: DocumentInfo[]; problems: string[] }> {
  const batch = requireBatch(ctx.store, batchId);
  const have = new Set(dq.listDocuments(ctx.store, { refEntity: 'intake_batch', refId: batchId }).map((d) => d.kind));
  let specs: BatchDocSpec[];
  if (batch.status === 'accepted') {
    specs = docSpecs(ctx, batch, hq.filesOfBatch(ctx.store, batchId), signedBy, batch.acceptedOn ?? ctx.now().toISOString().slice(0, 10));
  } else if (batch.status === 'returned') {
    specs = [returnNoticeSpec(ctx, batch, signedBy, batch.returnedOn ?? ctx.now().toISOString().slice(0, 10), batch.returnReason)];
  } else {
    throw new AppError('CONFLICT', `批次 ${batch.batchNo} 尚未退回或接收，还没有文书可生成。`);
  }
  const missing = specs.filter((s) => !have.has(DOC_KINDS[s.kind]));
  if (missing.length === 0) return { documents: [], problems: [] };
  const docs = await renderBatchDocuments(ctx, batch, missing);
  try {
    const documents = writeAudited(ctx, (tx) => {
      const recorded = docs.staged.map((s) => s.stage.record(tx));
      const receiptDoc = recorded.find((d) => d.kind === DOC_KINDS.receipt);
      const receipt = hq.receiptOf(tx, 'intake', batchId);
      if (receiptDoc && receipt && receipt.documentId === null) hq.setReceiptDocument(tx, receipt.id, receiptDoc.id);
      return {
        value: recorded,
        audit: recorded.map((d) => ({ action: 'document.create', entity: 'document', entityId: d.id, after: { kind: d.kind, title: d.title, sha256: d.sha256, regenerated: true } })),
      };
    });
    return { documents, problems: docs.problems };
  } catch (err) {
    discardAll(docs);
    throw err;
  }
}
