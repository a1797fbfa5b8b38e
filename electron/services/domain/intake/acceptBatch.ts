/**
 * 接收: takes custody of a checked batch in ONE transaction — retirees created or linked, archive
 * numbers issued (sequences advanced), archive files added, the batch marked 已接收, the receipt
 * awaited back recorded, and the documents (质量检验报告, 转递回执确认表, 案卷目录) stored. The plan and
 * the documents are made first; the write re-checks that nobody issued numbers meanwhile.
 */
import { AppError } from '../../../../shared/errors';
import type { AcceptResult, BatchFile, IntakeBatch } from '../../../../shared/intakeTypes';
import type { DocumentInfo } from '../../../../shared/types';
import * as bq from '../../db/queries/intakeBatches';
import * as fq from '../../db/queries/intakeFindings';
import * as hq from '../../db/queries/intakeHoldings';
import * as rq from '../../db/queries/intakeRoster';
import * as pq from '../../db/queries/persons';
import type { AuditEvent } from '../audit';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { describeRanges } from './archiveNumbers';
import { planAcceptance, type AcceptPlan } from './acceptPlan';
import { requireBatch, requireOpenBatch } from './batches';
import { discardAll, findingLines, renderBatchDocuments, type BatchDocSpec } from './documents';
import { intakeSettings } from './settings';

export interface AcceptInput {
  batchId: number;
  overrideNote: string;
  canOverride: boolean;
  /** Display name of the signing user (printed as 检验人 / 经办人). */
  signedBy: string;
}

/** The file list as it will be after the write (numbers in community then number order). */
function plannedFiles(plan: AcceptPlan, today: string): BatchFile[] {
  return plan.files
    .map((f) => ({
      fileId: 0,
      personId: f.existingPersonId ?? 0,
      archiveNo: f.number.archiveNo,
      seq: f.number.seq,
      name: f.row.name,
      sex: f.id.sex,
      idNumber: f.id.idNumber,
      communityId: f.community.id,
      community: f.community.name,
      town: f.community.townName,
      volumes: f.volumes,
      pages: f.pages,
      thicknessMm: f.thicknessMm,
      receivedOn: today,
      remarks: f.row.remarks,
      digitalPages: 0,
      sortKey: `${f.community.townCode}\u0000${f.community.code}\u0000${String(f.number.seq).padStart(10, '0')}`,
    }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ sortKey: _k, ...f }) => f);
}

export function docSpecs(ctx: DomainContext, b: IntakeBatch, files: BatchFile[], signedBy: string, today: string): BatchDocSpec[] {
  const settings = intakeSettings(ctx.store);
  const findings = fq.listFindings(ctx.store, { batchId: b.id, state: 'all' });
  const volumes = files.reduce((n, f) => n + f.volumes, 0);
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const conclusion = b.overrideNote ? `经检验，同意接收。主管意见：${b.overrideNote}` : '经检验，档案材料齐全、数字副本符合要求，同意接收。';
  return [
    {
      kind: 'pass',
      doc: {
        kind: 'pass',
        archiveUnit: settings.archiveUnit,
        enterprise: b.enterprise,
        batchNo: b.batchNo,
        deliveredBy: b.deliveredBy,
        deliveredOn: b.deliveredOn,
        inspectedBy: signedBy,
        inspectedOn: today,
        persons: files.length,
        volumes,
        pages,
        findings: findingLines(findings),
        conclusion,
      },
    },
    {
      kind: 'receipt',
      doc: {
        receiverUnit: settings.archiveUnit,
        senderUnit: b.enterprise,
        names: files.map((f) => f.name),
        persons: files.length,
        volumes,
        firstNo: files[0]?.archiveNo ?? '',
        lastNo: files[files.length - 1]?.archiveNo ?? '',
        sentOn: b.deliveredOn,
        receivedOn: today,
        reference: b.batchNo,
        withDigitalCopies: b.packageDir !== null,
      },
    },
    { kind: 'fileList', batch: b, files },
  ];
}

export async function acceptBatch(ctx: DomainContext, input: AcceptInput): Promise<Omit<AcceptResult, 'importJobId'>> {
  const today = ctx.now().toISOString().slice(0, 10);
  const plan = planAcceptance(ctx.store, input.batchId, { today: ctx.now(), canOverride: input.canOverride, overrideNote: input.overrideNote });
  const planned = plannedFiles(plan, today);
  const signing = { ...plan.batch, overrideNote: input.overrideNote };
  const docs = await renderBatchDocuments(ctx, signing, docSpecs(ctx, signing, planned, input.signedBy, today));
  const at = ctx.now().toISOString();
  const b = plan.batch;
  try {
    const result = writeAudited(ctx, (tx) => {
      requireOpenBatch(tx, b.id);
      const audit: AuditEvent[] = [];
      for (const [communityId, s] of plan.sequences) {
        if (!hq.advanceSeq(tx, communityId, s.from, s.to)) {
          throw new AppError('CONFLICT', '接收过程中档号已被其他操作占用，批次未接收。请重新接收。', { reason: 'SEQUENCE_MOVED' });
        }
      }
      for (const f of plan.files) {
        let personId = f.existingPersonId;
        if (personId === null) {
          const values: pq.PersonValues = {
            name: f.row.name,
            idNumber: f.id.idNumber,
            sex: f.id.sex,
            birthDate: f.id.birthDate,
            communityId: f.community.id,
            phone: '',
            address: '',
            enterprise: b.enterprise,
            retiredOn: null,
            note: '',
          };
          personId = pq.insertPerson(tx, values, at);
          audit.push({ action: 'person.add', entity: 'person', entityId: personId, after: { ...values, via: b.batchNo } });
        }
        const file: hq.NewArchiveFile = {
          personId,
          communityId: f.community.id,
          archiveNo: f.number.archiveNo,
          seq: f.number.seq,
          volumes: f.volumes,
          pages: f.pages,
          thicknessMm: f.thicknessMm,
          batchId: b.id,
          receivedOn: today,
        };
        const fileId = hq.insertArchiveFile(tx, file, at);
        rq.linkAccepted(tx, f.row.id, personId, fileId);
        audit.push({ action: 'archive_file.create', entity: 'archive_file', entityId: fileId, after: { ...file, linked: f.existingPersonId !== null } });
      }
      const files = hq.filesOfBatch(tx, b.id);
      const firstNo = files[0]?.archiveNo ?? null;
      const lastNo = files[files.length - 1]?.archiveNo ?? null;
      bq.markAccepted(tx, b.id, { on: today, by: ctx.actor.userName, overrideNote: input.overrideNote, firstNo, lastNo }, at);
      const documents: DocumentInfo[] = docs.staged.map((s) => s.stage.record(tx));
      const receiptDoc = docs.staged.findIndex((s) => s.kind === 'receipt');
      const receiptId = hq.insertReceipt(tx, {
        kind: 'intake',
        refId: b.id,
        counterparty: b.enterprise,
        numberRange: describeRanges(plan.files.map((f) => f.number)),
        persons: files.length,
        volumes: files.reduce((n, f) => n + f.volumes, 0),
        sentOn: today,
        documentId: receiptDoc >= 0 ? (documents[receiptDoc]?.id ?? null) : null,
      });
      audit.unshift({
        action: 'intake.batch.accept',
        entity: 'intake_batch',
        entityId: b.id,
        before: { status: b.status },
        after: {
          status: 'accepted',
          persons: files.length,
          firstNo,
          lastNo,
          openFindings: plan.openFindings,
          uncounted: plan.uncounted,
          overrideNote: input.overrideNote,
          overridden: plan.openFindings > 0 || plan.uncounted > 0,
          receiptId,
          documents: documents.map((d) => ({ id: d.id, kind: d.kind, sha256: d.sha256 })),
        },
      });
      return { value: { batch: requireBatch(tx, b.id), files, receiptId, documents, documentProblems: docs.problems }, audit };
    });
    return result;
  } catch (err) {
    discardAll(docs);
    throw err;
  }
}
