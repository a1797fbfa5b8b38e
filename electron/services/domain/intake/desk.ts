/**
 * The desk's physical count (清点): per person, volumes and pages counted against the roster, looked
 * up by the ID number a barcode scanner types. A difference becomes a 'desk' finding; when the
 * enterprise's written explanation (书面说明) is recorded with the count, the finding is stored as
 * resolved by it. Re-counting a person replaces the count and its findings.
 */
import { AppError } from '../../../../shared/errors';
import { normaliseIdNumber } from '../../../../shared/idNumber';
import type { DeskCount, DeskRecordResult } from '../../../../shared/intakeTypes';
import * as fq from '../../db/queries/intakeFindings';
import * as rq from '../../db/queries/intakeRoster';
import { parseCount } from '../../intake/check/rosterChecks';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireOpenBatch } from './batches';
import { intakePerson } from './persons';

export interface DeskInput {
  batchId: number;
  idNumber: string;
  volumes: number;
  pages: number;
  thicknessMm: number | null;
  explanation: string;
}

export function recordDeskCount(ctx: DomainContext, input: DeskInput): DeskRecordResult {
  const batch = requireOpenBatch(ctx.store, input.batchId);
  const id = normaliseIdNumber(input.idNumber);
  const row = rq.rosterRowByMatchId(ctx.store, batch.id, id);
  if (!row) {
    throw new AppError('NOT_FOUND', `身份证号 ${id} 不在批次 ${batch.batchNo} 的名册中。请核对号码（或重新扫描），名册中没有的人请让移交单位补入名册。`, { field: 'idNumber' });
  }
  const declaredVolumes = parseCount(row.volumesText);
  const declaredPages = parseCount(row.pagesText);
  const who = `${row.name || '无姓名'}（${id}）`;
  const mismatches: { code: string; text: string }[] = [];
  if (declaredVolumes !== null && declaredVolumes !== input.volumes) mismatches.push({ code: 'DESK_VOLUMES_MISMATCH', text: `${who}：清点为 ${input.volumes} 卷，名册登记 ${declaredVolumes} 卷。` });
  if (declaredPages !== null && declaredPages !== input.pages) mismatches.push({ code: 'DESK_PAGES_MISMATCH', text: `${who}：清点为 ${input.pages} 页，名册登记 ${declaredPages} 页。` });
  const differences = mismatches.map((m) => m.text);
  const at = ctx.now().toISOString();
  const count: DeskCount = {
    rosterRowId: row.id,
    volumes: input.volumes,
    pages: input.pages,
    thicknessMm: input.thicknessMm,
    explanation: input.explanation,
    countedAt: at,
    countedBy: ctx.actor.userName,
  };
  writeAudited(ctx, (tx) => {
    const before = rq.deskCount(tx, row.id);
    rq.upsertDeskCount(tx, batch.id, count);
    fq.deleteFindings(tx, batch.id, ['desk'], row.id);
    const explained = input.explanation !== '';
    for (const m of mismatches) {
      fq.insertFinding(
        tx,
        batch.id,
        {
          source: 'desk',
          code: m.code,
          severity: 'error',
          rosterRowId: row.id,
          idNumber: id,
          name: row.name || null,
          file: null,
          page: null,
          row: row.row,
          message: `${m.text}${explained ? '' : '请核实；材料缺失的，请移交单位出具书面说明。'}`,
          resolution: explained ? `书面说明：${input.explanation}` : '',
          resolvedBy: explained ? ctx.actor.userName : null,
          resolvedAt: explained ? at : null,
        },
        at,
      );
    }
    return { value: null, audit: { action: 'intake.desk.record', entity: 'intake_roster_row', entityId: row.id, before, after: { ...count, differences } } };
  });
  const person = intakePerson(ctx.store, row.id);
  if (!person) throw new AppError('INTERNAL', '清点结果保存后无法读回。');
  return { person, differences };
}

export function clearDeskCount(ctx: DomainContext, batchId: number, rosterRowId: number): void {
  requireOpenBatch(ctx.store, batchId);
  const before = rq.deskCount(ctx.store, rosterRowId);
  const row = rq.rosterRowById(ctx.store, rosterRowId);
  if (!row || row.batchId !== batchId || !before) throw new AppError('NOT_FOUND', '该人员还没有清点记录。请刷新后重试。');
  writeAudited(ctx, (tx) => {
    rq.deleteDeskCount(tx, rosterRowId);
    fq.deleteFindings(tx, batchId, ['desk'], rosterRowId);
    return { value: null, audit: { action: 'intake.desk.clear', entity: 'intake_roster_row', entityId: rosterRowId, before } };
  });
}

export function listDeskCounts(ctx: DomainContext, batchId: number): (DeskCount & { name: string; idNumber: string })[] {
  const rows = new Map(rq.rosterRows(ctx.store, batchId).map((r) => [r.id, r]));
  return [...rq.deskCounts(ctx.store, batchId).values()]
    .map((d) => {
      const r = rows.get(d.rosterRowId);
      return { ...d, name: r?.name ?? '', idNumber: r?.matchId ?? r?.idText ?? '', position: r?.position ?? 0 };
    })
    .sort((a, b) => a.position - b.position)
    .map(({ position: _p, ...d }) => d);
}
