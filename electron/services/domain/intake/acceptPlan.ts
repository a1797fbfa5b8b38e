/**
 * Plans an acceptance without writing: who is created or linked, which archive number each file
 * gets (per community, in roster order), volumes, pages and thickness. Refuses with a Chinese
 * reason when open findings remain (unless a supervisor overrides with a note) and, whatever the
 * override, when a row cannot become a file at all (bad ID, unknown community, already held…).
 */
import { AppError } from '../../../../shared/errors';
import { checkIdNumber, type IdCheck } from '../../../../shared/idNumber';
import type { IntakeBatch } from '../../../../shared/intakeTypes';
import type { Community } from '../../../../shared/types';
import { listCommunities } from '../../db/queries/communities';
import * as bq from '../../db/queries/intakeBatches';
import * as hq from '../../db/queries/intakeHoldings';
import * as rq from '../../db/queries/intakeRoster';
import { parseCount } from '../../intake/check/rosterChecks';
import type { Reader } from '../../store/api';
import { allocateNumbers, type NumberAssignment } from './archiveNumbers';
import { requireOpenBatch } from './batches';
import { placeMatcher } from './places';
import { intakeSettings } from './settings';

export interface PlannedFile {
  row: rq.StoredRosterRow;
  id: Extract<IdCheck, { ok: true }>;
  /** Existing retiree to link (null: created on acceptance). */
  existingPersonId: number | null;
  community: Community;
  volumes: number;
  pages: number;
  thicknessMm: number;
  number: NumberAssignment<number>;
}

export interface AcceptPlan {
  batch: IntakeBatch;
  files: PlannedFile[];
  /** Per community: last number before and after (the write checks nobody moved it meanwhile). */
  sequences: Map<number, { from: number; to: number }>;
  openFindings: number;
  uncounted: number;
}

function who(r: rq.StoredRosterRow): string {
  return `名册第 ${r.row} 行（${r.name || '无姓名'}）`;
}

/** Rows that can never become files, in Chinese (one line per row); with the planned files for the others. */
function planRows(db: Reader, batch: IntakeBatch, today: Date) {
  const settings = intakeSettings(db);
  const all = listCommunities(db);
  const communities = new Map(all.map((c) => [c.id, c]));
  // A community registered after the roster was imported still counts.
  const places = placeMatcher(all);
  const desk = rq.deskCounts(db, batch.id);
  const problems: string[] = [];
  const known = rq.knownPersonsOfBatch(db, batch.id);
  const seen = new Map<string, rq.StoredRosterRow>();
  const ready: Omit<PlannedFile, 'number'>[] = [];
  for (const row of rq.rosterRows(db, batch.id)) {
    const id = checkIdNumber(row.matchId ?? row.idText, today);
    if (!id.ok) {
      problems.push(`${who(row)}：身份证号有误（${id.message}），无法建立档案。请移交单位更正名册后重新导入。`);
      continue;
    }
    const first = seen.get(id.idNumber);
    if (first) {
      problems.push(`${who(row)}：与第 ${first.row} 行是同一人，请删除名册中重复的一行后重新导入。`);
      continue;
    }
    seen.set(id.idNumber, row);
    if (!row.name) problems.push(`${who(row)}：没有姓名，请补填后重新导入名册。`);
    const community = row.communityId === null ? (places.match(row.town, row.community) ?? undefined) : communities.get(row.communityId);
    if (!community) problems.push(`${who(row)}：移交地“${[row.town, row.community].filter(Boolean).join(' ') || '空'}”不是已登记的社区，无法编号。请先登记该社区或更正名册。`);
    const existing = known.get(id.idNumber);
    if (existing?.archiveNo) problems.push(`${who(row)}：该人的档案已在本馆保管（${existing.archiveNo}），不能重复接收。`);
    if (existing && row.name && existing.name !== row.name) {
      problems.push(`${who(row)}：身份证号 ${id.idNumber} 在本系统中登记的姓名是「${existing.name}」，与名册不一致。请核实后更正名册或人员信息。`);
    }
    const d = desk.get(row.id);
    const volumes = d ? d.volumes : parseCount(row.volumesText);
    if (volumes === null) problems.push(`${who(row)}：卷数未知（名册卷数无效且未清点），请先在清点中录入实际卷数。`);
    if (volumes === 0) problems.push(`${who(row)}：清点为 0 卷（纸质档案未交来），不能建立档案。请退回该批次，或让移交单位从名册中删除该人后重新导入。`);
    const pages = d ? d.pages : (parseCount(row.pagesText) ?? 0);
    if (!community || !volumes || !row.name) continue;
    ready.push({ row, id, existingPersonId: existing?.id ?? null, community, volumes, pages, thicknessMm: d?.thicknessMm ?? volumes * settings.defaultThicknessMm });
  }
  return { problems, ready, settings };
}

/** What stands in the way of acceptance now, in Chinese (for the decision screen). */
export function acceptBlockers(db: Reader, batchId: number, today: Date): string[] {
  const batch = bq.batchById(db, batchId);
  if (!batch || (batch.status !== 'registered' && batch.status !== 'checking')) return [];
  const counts = bq.batchCounts(db, batchId);
  if (counts.persons === 0) return ['还没有导入名册。'];
  const out: string[] = [];
  if (counts.findingsOpen > 0) out.push(`还有 ${counts.findingsOpen} 个未处理的问题（错误 ${counts.errorsOpen} 个、提示 ${counts.warningsOpen} 个）；只有主管可以在有未处理问题时接收。`);
  if (counts.deskCounted < counts.persons) out.push(`还有 ${counts.persons - counts.deskCounted} 人的纸质档案未清点。`);
  return [...out, ...planRows(db, batch, today).problems];
}

export function planAcceptance(db: Reader, batchId: number, o: { today: Date; canOverride: boolean; overrideNote: string }): AcceptPlan {
  const batch = requireOpenBatch(db, batchId);
  const counts = bq.batchCounts(db, batchId);
  if (counts.persons === 0) throw new AppError('CONFLICT', `批次 ${batch.batchNo} 还没有导入名册，不能接收。`);
  const uncounted = counts.persons - counts.deskCounted;
  if (counts.findingsOpen > 0 || uncounted > 0) {
    const what = [
      counts.findingsOpen > 0 ? `${counts.findingsOpen} 个未处理的问题（其中错误 ${counts.errorsOpen} 个）` : '',
      uncounted > 0 ? `${uncounted} 人的纸质档案未清点` : '',
    ]
      .filter(Boolean)
      .join('，');
    if (!o.canOverride) {
      throw new AppError('FORBIDDEN', `批次 ${batch.batchNo} 还有${what}。请逐条处理（填写处理说明）并完成清点后再接收，或请主管决定是否接收。`, { reason: 'OPEN_FINDINGS' });
    }
    if (!o.overrideNote) {
      throw new AppError('VALIDATION', `批次 ${batch.batchNo} 还有${what}。如决定接收，请填写接收说明（主管意见）。`, { field: 'overrideNote', reason: 'OVERRIDE_NOTE' });
    }
  }
  const { problems, ready, settings } = planRows(db, batch, o.today);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n');
    const more = problems.length > 10 ? `\n…另有 ${problems.length - 10} 处。` : '';
    throw new AppError('CONFLICT', `以下名册行无法建立档案，批次未接收：\n${shown}${more}`, { reason: 'ROWS_UNUSABLE', problems });
  }
  const { assignments, next } = allocateNumbers(
    settings.numbering,
    hq.lastSeqs(db),
    ready.map((p) => ({ key: p.row.id, communityId: p.community.id, place: { townCode: p.community.townCode, communityCode: p.community.code } })),
  );
  const taken = assignments.find((a) => hq.archiveNoTaken(db, a.archiveNo));
  if (taken) {
    throw new AppError('CONFLICT', `档号 ${taken.archiveNo} 已被使用（编号规则可能修改过）。请在接收设置中核对档号规则后再接收。`, { reason: 'NUMBER_TAKEN' });
  }
  const files = ready.map((p, i) => ({ ...p, number: assignments[i] as NumberAssignment<number> }));
  return { batch, files, sequences: next, openFindings: counts.findingsOpen, uncounted };
}
