/** Loads the planner's state with a few set-based reads and fingerprints it (the plan id). */
import { createHash } from 'node:crypto';
import type { StorageSettings } from '../../../../shared/storageTypes';
import * as q from '../../db/queries/storagePlaces';
import type { Reader } from '../../store/api';
import type { PlanCommunity, PlanFile, PlanState } from './planner';
import { capacityMm, fileWidthMm, shelfLabel } from './places';
import { reserveRuleFor } from './settings';

export interface LoadedState {
  state: PlanState;
  shelves: q.ShelfPlaceRow[];
  labels: string[];
  communityNames: Map<number, string>;
  /** The plan id: changes whenever anything the plan depends on changes. */
  token: string;
}

function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * `full`: load every placed file of the communities with new files and of the run after each;
 * otherwise only each community's files from the one just before its first new file (appending).
 */
export function loadPlanState(r: Reader, settings: StorageSettings, today: string, full: boolean): LoadedState {
  const thick = settings.defaultVolumeThicknessMm;
  const shelves = q.shelvesInOrder(r);
  const index = new Map(shelves.map((s, i) => [s.id, i]));
  const use = q.shelfUse(r);
  const unplaced = q.unplacedFiles(r);
  const runRows = q.listRuns(r);
  const communities = q.communitiesInOrder(r);

  const runs = new Map<number, { first: number; last: number }>();
  for (const x of runRows) {
    const first = index.get(x.first_shelf_id);
    const last = index.get(x.last_shelf_id);
    if (first !== undefined && last !== undefined) runs.set(x.community_id, { first: Math.min(first, last), last: Math.max(first, last) });
  }
  const firstNew = new Map<number, number>();
  for (const f of unplaced) firstNew.set(f.community_id, Math.min(firstNew.get(f.community_id) ?? Infinity, f.seq));
  const involved = new Set(firstNew.keys());
  const partial = new Set<number>();
  if (full) {
    // The run right after each growing community may have to move out of its way.
    const byStart = [...runs].sort((a, b) => a[1].first - b[1].first);
    byStart.forEach(([cid], i) => {
      const next = byStart[i + 1];
      if (firstNew.has(cid) && next) involved.add(next[0]);
    });
  }
  const placed: q.PlacedRow[] = [];
  for (const cid of [...involved].sort((a, b) => a - b)) {
    const first = firstNew.get(cid);
    const from = full || first === undefined ? 0 : (q.placedSeqBefore(r, cid, first) ?? 0);
    if (from > 0) partial.add(cid);
    placed.push(...q.placedFilesOf(r, cid, from));
  }

  const otherUsedMm = new Array<number>(shelves.length).fill(0);
  const placedCount = new Map<number, number>();
  for (const u of use) {
    placedCount.set(u.community_id, (placedCount.get(u.community_id) ?? 0) + u.files);
    const i = index.get(u.shelf_id);
    if (i !== undefined) otherUsedMm[i] = (otherUsedMm[i] ?? 0) + u.used_mm;
  }
  // The loaded files are laid out by the planner; the rest of each shelf's use stays as a total.
  for (const p of placed) {
    const i = index.get(p.shelf_id);
    if (i !== undefined) otherUsedMm[i] = (otherUsedMm[i] ?? 0) - p.width_mm;
  }
  const files: PlanFile[] = [
    ...placed.map((p) => ({ id: p.file_id, communityId: p.community_id, seq: p.seq, archiveNo: p.archive_no, widthMm: p.width_mm, shelf: index.get(p.shelf_id) ?? null })),
    ...unplaced.map((f) => ({ id: f.id, communityId: f.community_id, seq: f.seq, archiveNo: f.archive_no, widthMm: fileWidthMm(f, thick), shelf: null, volumes: f.volumes })),
  ];

  const recent = new Map(q.intakeSince(r, monthsBefore(today, 12)).map((x) => [x.community_id, x]));
  const planCommunities: PlanCommunity[] = communities.map((c) => {
    const rule = reserveRuleFor(settings, c.id);
    if (rule.mode === 'percent') return { id: c.id, name: c.name, reservePercent: rule.value, reserveFixedMm: 0 };
    const seen = recent.get(c.id);
    const perMonthMm = seen ? ((seen.volumes || seen.files) * thick) / 12 : 0;
    return { id: c.id, name: c.name, reservePercent: 0, reserveFixedMm: rule.value * perMonthMm };
  });

  const token = createHash('sha256')
    .update(
      JSON.stringify([
        shelves.map((s) => [s.id, capacityMm(s, thick)]),
        use.map((u) => [u.shelf_id, u.community_id, u.files, u.id_sum, u.used_mm]),
        unplaced.map((f) => [f.id, f.community_id, f.seq, fileWidthMm(f, thick)]),
        runRows,
        planCommunities.map((c) => [c.id, c.reservePercent, Math.round(c.reserveFixedMm)]),
      ]),
    )
    .digest('hex')
    .slice(0, 32);

  return {
    state: {
      shelves: shelves.map((s, i) => ({ id: s.id, capacityMm: capacityMm(s, thick), place: String(i) })),
      otherUsedMm,
      files,
      runs,
      communities: planCommunities,
      placedCount,
      partial,
    },
    shelves,
    labels: shelves.map(shelfLabel),
    communityNames: new Map(communities.map((c) => [c.id, c.name])),
    token,
  };
}
