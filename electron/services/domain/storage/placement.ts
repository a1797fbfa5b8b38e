/** Placement: make a plan (nothing written), commit it in one transaction if the state still matches, print the move list. */
import { AppError } from '../../../../shared/errors';
import type { PlacementPlan } from '../../../../shared/storageTypes';
import type { DocumentInfo } from '../../../../shared/types';
import * as q from '../../db/queries/storagePlaces';
import { renderTableReport } from '../../documents';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { PDF_MIME, saveDocument } from '../documents';
import { writeAudited } from '../write';
import { NeedFullDetail, planPlacement, type PlanOutput } from './planner';
import { loadPlanState, type LoadedState } from './planState';
import { readStorageSettings } from './settings';

const today = (ctx: DomainContext) => ctx.now().toISOString().slice(0, 10);

function describe(loaded: LoadedState, out: PlanOutput): PlacementPlan {
  const { state, labels, communityNames } = loaded;
  const byId = new Map(state.files.map((f) => [f.id, f]));
  const shelfId = (i: number) => state.shelves[i]?.id ?? 0;
  const label = (i: number) => labels[i] ?? '';
  const name = (cid: number) => communityNames.get(cid) ?? `社区 ${cid}`;
  const filesPer = new Map<number, number>();
  for (const f of state.files) filesPer.set(f.communityId, (filesPer.get(f.communityId) ?? 0) + (f.shelf === null ? 1 : 0));
  return {
    planId: loaded.token,
    placements: out.placements.map((p) => {
      const f = byId.get(p.fileId);
      return { fileId: p.fileId, archiveNo: f?.archiveNo ?? '', communityId: f?.communityId ?? 0, shelfId: shelfId(p.shelf), place: label(p.shelf) };
    }),
    moves: out.moves.map((m) => {
      const f = byId.get(m.fileId);
      const cid = f?.communityId ?? 0;
      return { fileId: m.fileId, archiveNo: f?.archiveNo ?? '', communityId: cid, communityName: name(cid), fromShelfId: shelfId(m.from), fromPlace: label(m.from), toShelfId: shelfId(m.to), toPlace: label(m.to) };
    }),
    runs: out.runs.map((r) => ({
      communityId: r.communityId,
      communityName: name(r.communityId),
      firstPlace: label(r.first),
      lastPlace: label(r.last),
      shelves: r.last - r.first + 1,
      files: (state.placedCount.get(r.communityId) ?? 0) + (filesPer.get(r.communityId) ?? 0),
      change: r.change,
    })),
    summary: { toPlace: out.placements.length, moves: out.moves.length, communities: out.runs.length },
    notes: out.notes,
  };
}

/** Plans from the tails of the runs (the common case: appending); loads everything only when a run must move. */
function planFrom(r: Reader, ctx: DomainContext): { loaded: LoadedState; out: PlanOutput } {
  const settings = readStorageSettings(r);
  const quick = loadPlanState(r, settings, today(ctx), false);
  if (quick.state.shelves.length === 0 && quick.state.files.length > 0) {
    throw new AppError('VALIDATION', '还没有任何架位。请先在“库房与密集架”中建立密集架或导入布局，再生成上架方案。');
  }
  try {
    return { loaded: quick, out: planPlacement(quick.state) };
  } catch (e) {
    if (!(e instanceof NeedFullDetail)) throw e;
  }
  const full = loadPlanState(r, settings, today(ctx), true);
  return { loaded: full, out: planPlacement(full.state) };
}

export function makePlacementPlan(ctx: DomainContext): PlacementPlan {
  const { loaded, out } = planFrom(ctx.store, ctx);
  return describe(loaded, out);
}

const STALE = '已有变化，请重新生成上架方案（生成方案后又有档案接收、上架或架位调整）。';

/** Re-plans inside the transaction from the same state the user saw (same id), writes everything or nothing. */
export function commitPlacement(ctx: DomainContext, planId: string): PlacementPlan {
  return writeAudited(ctx, (tx) => {
    const { loaded, out } = planFrom(tx, ctx);
    if (loaded.token !== planId) throw new AppError('CONFLICT', STALE);
    const at = ctx.now().toISOString();
    const plan = describe(loaded, out);
    q.releaseTransferredOut(tx);
    const byId = new Map(loaded.state.files.map((f) => [f.id, f]));
    q.insertPlaces(
      tx,
      out.placements.map((p) => {
        const f = byId.get(p.fileId);
        return { fileId: p.fileId, shelfId: loaded.state.shelves[p.shelf]?.id ?? 0, communityId: f?.communityId ?? 0, seq: f?.seq ?? 0, widthMm: f?.widthMm ?? 0, volumes: f?.volumes ?? 1 };
      }),
      at,
    );
    for (const m of out.moves) q.movePlace(tx, m.fileId, loaded.state.shelves[m.to]?.id ?? 0, at);
    for (const r of out.runs) q.upsertRun(tx, r.communityId, loaded.state.shelves[r.first]?.id ?? 0, loaded.state.shelves[r.last]?.id ?? 0);
    return {
      value: plan,
      audit: {
        action: 'storage.place',
        entity: 'storage_plan',
        entityId: planId,
        after: { placed: plan.summary.toPlace, moves: plan.moves.map((m) => [m.archiveNo, m.fromPlace, m.toPlace]), runs: plan.runs.map((r) => [r.communityName, r.firstPlace, r.lastPlace, r.change]) },
      },
    };
  });
}

/** 移架清单: the moves of the current plan (refused if the state changed since the plan was shown). */
export async function moveListPdf(ctx: DomainContext, planId: string): Promise<DocumentInfo> {
  const plan = makePlacementPlan(ctx);
  if (plan.planId !== planId) throw new AppError('CONFLICT', STALE);
  const bytes = await renderTableReport({
    title: '档案移架清单',
    subtitle: '按顺序移动以下档案，保持各社区档号连续',
    fields: [
      { label: '方案编号', value: plan.planId.slice(0, 12) },
      { label: '生成日期', value: today(ctx) },
      { label: '需移动', value: `${plan.moves.length} 份` },
      { label: '新上架', value: `${plan.summary.toPlace} 份` },
    ],
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '档号', width: 3 },
      { title: '社区', width: 2 },
      { title: '原位置', width: 4 },
      { title: '新位置', width: 4 },
    ],
    rows: plan.moves.map((m, i) => [String(i + 1), m.archiveNo, m.communityName, m.fromPlace, m.toPlace]),
    notes: plan.moves.length === 0 ? ['本方案无需移动已上架档案。', ...plan.notes] : plan.notes,
    signatures: ['移架人（签名）', '复核人（签名）'],
    landscape: true,
  });
  return saveDocument(ctx, { kind: 'storage.moveList', title: '档案移架清单', refEntity: 'storage_plan', refId: null, fileName: `移架清单-${today(ctx)}.pdf`, mime: PDF_MIME, bytes });
}
