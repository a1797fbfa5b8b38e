/** 接收批次: registration, correction, reading; the status rules every other intake step relies on. */
import { AppError } from '../../../../shared/errors';
import { BATCH_STATUS_LABELS, type IntakeBatch, type IntakeBatchDetail } from '../../../../shared/intakeTypes';
import * as bq from '../../db/queries/intakeBatches';
import * as dq from '../../db/queries/documents';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

export function requireBatch(db: Reader, id: number): IntakeBatch {
  const b = bq.batchById(db, id);
  if (!b) throw new AppError('NOT_FOUND', '找不到该接收批次，可能已被删除。请刷新后重试。');
  return b;
}

/** 登记 or 核验中: the roster, counts and findings may still change. */
export function requireOpenBatch(db: Reader, id: number): IntakeBatch {
  const b = requireBatch(db, id);
  if (b.status !== 'registered' && b.status !== 'checking') {
    throw new AppError('CONFLICT', `批次 ${b.batchNo} 已${BATCH_STATUS_LABELS[b.status]}，不能再修改。如需重新接收，请新建一个批次。`, { status: b.status });
  }
  return b;
}

function realDate(s: string, today: Date): void {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1990) {
    throw new AppError('VALIDATION', `送交日期 ${s} 不是有效日期，请按“年-月-日”填写。`, { field: 'deliveredOn' });
  }
  if (s > today.toISOString().slice(0, 10)) throw new AppError('VALIDATION', `送交日期 ${s} 晚于今天，请核对。`, { field: 'deliveredOn' });
}

export function createBatch(ctx: DomainContext, f: bq.BatchFields): IntakeBatch {
  realDate(f.deliveredOn, ctx.now());
  const id = writeAudited(ctx, (tx) => {
    const batchNo = bq.nextBatchNo(tx, f.deliveredOn.slice(0, 4));
    const newId = bq.insertBatch(tx, batchNo, f, ctx.now().toISOString(), ctx.actor.userName);
    return { value: newId, audit: { action: 'intake.batch.create', entity: 'intake_batch', entityId: newId, after: { batchNo, ...f } } };
  });
  return requireBatch(ctx.store, id);
}

export function updateBatch(ctx: DomainContext, id: number, f: bq.BatchFields): IntakeBatch {
  const before = requireOpenBatch(ctx.store, id);
  realDate(f.deliveredOn, ctx.now());
  writeAudited(ctx, (tx) => {
    bq.updateBatchFields(tx, id, f, ctx.now().toISOString());
    const prev = { enterprise: before.enterprise, contact: before.contact, contactPhone: before.contactPhone, deliveredBy: before.deliveredBy, deliveredOn: before.deliveredOn, note: before.note };
    return { value: null, audit: { action: 'intake.batch.update', entity: 'intake_batch', entityId: id, before: prev, after: f } };
  });
  return requireBatch(ctx.store, id);
}

export function batchDetail(db: Reader, id: number): Omit<IntakeBatchDetail, 'runningJobs' | 'acceptBlockers'> {
  const batch = requireBatch(db, id);
  return { batch, counts: bq.batchCounts(db, id), documents: dq.listDocuments(db, { refEntity: 'intake_batch', refId: id }) };
}
