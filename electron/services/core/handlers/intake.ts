/** Intake: batches, roster, desk counts, the check job, findings and decisions, acceptance, receipts, ledger. */
import { AppError } from '../../../../shared/errors';
import { can } from '../../../../shared/roles';
import * as fq from '../../db/queries/intakeFindings';
import * as hq from '../../db/queries/intakeHoldings';
import * as bq from '../../db/queries/intakeBatches';
import { defaultDeps } from '../../digitization/adapters';
import { runtimeFor } from '../../digitization/runtime';
import type { DomainContext } from '../../domain/context';
import { acceptBatch } from '../../domain/intake/acceptBatch';
import { acceptBlockers } from '../../domain/intake/acceptPlan';
import { batchDetail, createBatch, requireBatch, updateBatch } from '../../domain/intake/batches';
import { clearDeskCount, listDeskCounts, recordDeskCount } from '../../domain/intake/desk';
import { reopenFinding, resolveFindings } from '../../domain/intake/findings';
import { exportLedger, ledgerPage } from '../../domain/intake/ledger';
import { listIntakePersons } from '../../domain/intake/persons';
import { listReceipts, markReceiptReturned } from '../../domain/intake/receipts';
import { regenerateDocuments } from '../../domain/intake/regenerate';
import { returnBatch } from '../../domain/intake/returnBatch';
import { importRoster, previewRoster } from '../../domain/intake/roster';
import { intakeSettings, updateIntakeSettings, withPreview } from '../../domain/intake/settings';
import { startCopyImport } from '../../intake/accept/importCopies';
import { startCheck } from '../../intake/checkJob';
import { intakeRuntimeFor, type IntakeRuntime } from '../../intake/runtime';
import type { CallContext, HandlerMap } from './types';

function runtime(ctx: CallContext): IntakeRuntime {
  return intakeRuntimeFor(ctx.workspace.require());
}

/** Jobs outlive the call: their clock runs on from the call's time (which tests may fix). */
function jobContext(ctx: CallContext): DomainContext {
  const base = ctx.domain();
  const start = ctx.now.getTime();
  const t0 = performance.now();
  return { ...base, now: () => new Date(start + (performance.now() - t0)) };
}

function signer(ctx: CallContext): string {
  return ctx.user?.displayName ?? ctx.domain().actor.userName;
}

function startImport(ctx: CallContext, batchId: number, packageDir?: string): string {
  const ocr = runtimeFor(ctx.workspace.require(), defaultDeps);
  return startCopyImport(runtime(ctx), jobContext(ctx), { enqueueOcr: (id) => ocr.enqueueOcr(id) }, batchId, packageDir).id;
}

export const intakeHandlers: HandlerMap<
  | 'intake.settings.get'
  | 'intake.settings.update'
  | 'intake.batch.create'
  | 'intake.batch.update'
  | 'intake.batch.list'
  | 'intake.batch.get'
  | 'intake.roster.preview'
  | 'intake.roster.import'
  | 'intake.person.list'
  | 'intake.desk.record'
  | 'intake.desk.list'
  | 'intake.desk.clear'
  | 'intake.check.start'
  | 'intake.job.get'
  | 'intake.job.cancel'
  | 'intake.finding.list'
  | 'intake.finding.resolve'
  | 'intake.finding.resolveMany'
  | 'intake.finding.reopen'
  | 'intake.batch.return'
  | 'intake.batch.accept'
  | 'intake.batch.files'
  | 'intake.copies.import'
  | 'intake.documents.regenerate'
  | 'receipt.list'
  | 'receipt.markReturned'
  | 'ledger.list'
  | 'ledger.export'
> = {
  'intake.settings.get': (_i, ctx) => {
    const store = ctx.domain().store;
    return withPreview(store, intakeSettings(store));
  },
  'intake.settings.update': (i, ctx) => updateIntakeSettings(ctx.domain(), i),

  'intake.batch.create': (i, ctx) => createBatch(ctx.domain(), i),
  'intake.batch.update': (i, ctx) => updateBatch(ctx.domain(), i.id, i),
  'intake.batch.list': (i, ctx) => bq.listBatches(ctx.domain().store, i),
  'intake.batch.get': (i, ctx) => {
    const store = ctx.domain().store;
    return { ...batchDetail(store, i.id), runningJobs: runtime(ctx).running(i.id), acceptBlockers: acceptBlockers(store, i.id, ctx.now) };
  },

  'intake.roster.preview': (i, ctx) => previewRoster(ctx.domain(), i.batchId, i.file, i.mapping),
  'intake.roster.import': (i, ctx) => {
    if (runtime(ctx).running(i.batchId, 'check').length > 0) throw new AppError('CONFLICT', '该批次的核验正在进行，请等待其完成或取消后再重新导入名册。');
    return importRoster(ctx.domain(), i.batchId, i.file, i.mapping);
  },
  'intake.person.list': (i, ctx) => {
    const store = ctx.domain().store;
    requireBatch(store, i.batchId);
    return listIntakePersons(store, i);
  },

  'intake.desk.record': (i, ctx) => recordDeskCount(ctx.domain(), i),
  'intake.desk.list': (i, ctx) => {
    requireBatch(ctx.domain().store, i.batchId);
    return listDeskCounts(ctx.domain(), i.batchId);
  },
  'intake.desk.clear': (i, ctx) => {
    clearDeskCount(ctx.domain(), i.batchId, i.rosterRowId);
    return null;
  },

  'intake.check.start': (i, ctx) => ({ jobId: startCheck(runtime(ctx), jobContext(ctx), i.batchId, i.packageDir).id }),
  'intake.job.get': (i, ctx) => runtime(ctx).get(i.jobId),
  'intake.job.cancel': (i, ctx) => runtime(ctx).cancel(i.jobId),

  'intake.finding.list': (i, ctx) => {
    const store = ctx.domain().store;
    requireBatch(store, i.batchId);
    return fq.listFindings(store, i);
  },
  'intake.finding.resolve': (i, ctx) => {
    const [f] = resolveFindings(ctx.domain(), [i.findingId], i.note);
    if (!f) throw new AppError('NOT_FOUND', '找不到该问题，请刷新后重试。');
    return f;
  },
  'intake.finding.resolveMany': (i, ctx) => resolveFindings(ctx.domain(), i.findingIds, i.note),
  'intake.finding.reopen': (i, ctx) => reopenFinding(ctx.domain(), i.findingId),

  'intake.batch.return': (i, ctx) => {
    if (runtime(ctx).running(i.batchId, 'check').length > 0) throw new AppError('CONFLICT', '该批次的核验正在进行，请等待其完成或取消后再退回。');
    return returnBatch(ctx.domain(), i.batchId, i.reason, signer(ctx));
  },
  'intake.batch.accept': async (i, ctx) => {
    if (runtime(ctx).running(i.batchId, 'check').length > 0) throw new AppError('CONFLICT', '该批次的核验正在进行，请等待其完成后再接收。');
    const user = ctx.user;
    const canOverride = user !== null && can(user.role, 'intake.accept');
    const result = await acceptBatch(ctx.domain(), { batchId: i.batchId, overrideNote: i.overrideNote, canOverride, signedBy: signer(ctx) });
    let importJobId: string | null = null;
    if (result.batch.packageDir) {
      try {
        importJobId = startImport(ctx, i.batchId);
      } catch (err) {
        // The batch is accepted either way; the import can be started again from the batch.
        result.documentProblems.push(`数字副本未能开始导入：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { ...result, importJobId };
  },
  'intake.batch.files': (i, ctx) => {
    const store = ctx.domain().store;
    requireBatch(store, i.batchId);
    return hq.filesOfBatch(store, i.batchId);
  },
  'intake.copies.import': (i, ctx) => ({ jobId: startImport(ctx, i.batchId, i.packageDir) }),
  'intake.documents.regenerate': (i, ctx) => regenerateDocuments(ctx.domain(), i.batchId, signer(ctx)),

  'receipt.list': (i, ctx) => listReceipts(ctx.domain(), i),
  'receipt.markReturned': (i, ctx) => markReceiptReturned(ctx.domain(), i.id, i.returnedOn, i.note),

  'ledger.list': (i, ctx) => ledgerPage(ctx.domain().store, i),
  'ledger.export': (i, ctx) => exportLedger(ctx.domain(), i.to, i.filters),
};
