/**
 * The placement planner: pure, over in-memory arrays. Files go in archive-number order, each
 * community in one contiguous run of shelves with its growth reserve after it. Files already on a
 * shelf stay put unless order forces a move; when a run is full the cheapest of (a) growing into
 * free shelves right after it, (b) moving this community to a free stretch, (c) moving the next
 * community away is chosen by the number of files that must be carried.
 */
import { AppError } from '../../../../shared/errors';

export interface PlanShelf {
  id: number;
  capacityMm: number;
  place: string;
}
export interface PlanFile {
  id: number;
  communityId: number;
  seq: number;
  archiveNo: string;
  widthMm: number;
  /** Index into state.shelves, or null when not yet placed. */
  shelf: number | null;
  volumes?: number;
}

/** Thrown when a run must be moved but only the tail of a community's files was loaded: load all and plan again. */
export class NeedFullDetail extends Error {
  constructor() {
    super('placement plan needs every placed file of the communities involved');
  }
}
export interface PlanCommunity {
  id: number;
  name: string;
  /** Growth reserve in mm given the community's total width: percent rules scale, month rules are fixed. */
  reservePercent: number;
  reserveFixedMm: number;
}
export interface PlanState {
  /** In filing order. */
  shelves: PlanShelf[];
  /** Used mm per shelf by files NOT in `files` (other communities' files, loaded only as totals). */
  otherUsedMm: number[];
  /** Every unplaced file, and every placed file of the communities involved. */
  files: PlanFile[];
  /** Existing runs (shelf indices, inclusive). */
  runs: Map<number, { first: number; last: number }>;
  /** Communities in the order their runs are laid out when new; placed-file counts for move costs. */
  communities: PlanCommunity[];
  placedCount: Map<number, number>;
  /**
   * Communities of which only the files from the last one before the first new file were loaded
   * (enough to append in order); growing such a run any way but into free shelves needs them all.
   */
  partial?: Set<number>;
}
export interface PlanOutput {
  placements: { fileId: number; shelf: number }[];
  moves: { fileId: number; from: number; to: number }[];
  runs: { communityId: number; first: number; last: number; change: 'new' | 'extended' | 'relocated' | 'unchanged' }[];
  notes: string[];
}

const metres = (mm: number) => `${(mm / 1000).toFixed(1)} 米`;

export function reserveMm(c: PlanCommunity, filesMm: number): number {
  return Math.max(c.reserveFixedMm, (filesMm * c.reservePercent) / 100);
}

/**
 * Fits a community's files (seq order) into shelves first..last, keeping each placed file where it is
 * when order and space allow. Returns the shelf index per file, or null when they do not fit.
 */
export function fitRun(files: PlanFile[], shelves: PlanShelf[], used: number[], first: number, last: number): number[] | null {
  const local = new Map<number, number>();
  const usedOn = (i: number) => (used[i] ?? 0) + (local.get(i) ?? 0);
  const out: number[] = [];
  let ptr = first;
  for (const f of files) {
    const cap = (i: number) => shelves[i]?.capacityMm ?? 0;
    let at: number;
    if (f.shelf !== null && f.shelf >= ptr && f.shelf <= last && usedOn(f.shelf) + f.widthMm <= cap(f.shelf) + 1e-9) at = f.shelf;
    else {
      while (ptr <= last && usedOn(ptr) + f.widthMm > cap(ptr) + 1e-9) ptr++;
      if (ptr > last) return null;
      at = ptr;
    }
    ptr = at;
    local.set(at, (local.get(at) ?? 0) + f.widthMm);
    out.push(at);
  }
  return out;
}

/** Shelves needed from `start` so the files (fresh, in order) plus the reserve fit; null if the free stretch ends first. */
function freshFit(files: PlanFile[], state: PlanState, free: (i: number) => boolean, start: number, reserve: number): { assign: number[]; last: number } | null {
  const fresh = files.map((f) => ({ ...f, shelf: null }));
  const used = state.otherUsedMm;
  let end = start;
  while (end < state.shelves.length && free(end)) end++;
  if (end === start) return null;
  const assign = fitRun(fresh, state.shelves, used, start, end - 1);
  if (!assign) return null;
  let last = assign.length > 0 ? (assign[assign.length - 1] as number) : start;
  const usedLast = files.reduce((s, f, i) => (assign[i] === last ? s + f.widthMm : s), 0);
  let left = reserve - ((state.shelves[last]?.capacityMm ?? 0) - (used[last] ?? 0) - usedLast);
  while (left > 1e-9) {
    if (last + 1 >= end) return null;
    last++;
    left -= (state.shelves[last]?.capacityMm ?? 0) - (used[last] ?? 0);
  }
  return { assign, last };
}

export function planPlacement(state: PlanState): PlanOutput {
  const n = state.shelves.length;
  const owner: (number | undefined)[] = new Array<number | undefined>(n);
  for (const [cid, r] of state.runs) for (let i = r.first; i <= r.last; i++) owner[i] = cid;
  const used = state.otherUsedMm.slice();
  for (const f of state.files) if (f.shelf !== null) used[f.shelf] = (used[f.shelf] ?? 0) + f.widthMm;
  const byCommunity = new Map<number, PlanFile[]>();
  for (const f of state.files) {
    const list = byCommunity.get(f.communityId) ?? [];
    list.push(f);
    byCommunity.set(f.communityId, list);
  }
  for (const list of byCommunity.values()) list.sort((a, b) => a.seq - b.seq);
  const maxShelf = state.shelves.reduce((m, s) => Math.max(m, s.capacityMm), 0);
  for (const f of state.files) {
    if (f.shelf === null && f.widthMm > maxShelf) {
      throw new AppError('VALIDATION', `档号 ${f.archiveNo} 厚 ${f.widthMm} mm，比任何一层的可用宽度（最宽 ${maxShelf} mm）都宽。请核对该档案的厚度，或增加更宽的架位。`);
    }
  }

  const out: PlanOutput = { placements: [], moves: [], runs: [], notes: [] };
  const assignShelf = new Map<number, number>();
  const isFree = (i: number) => owner[i] === undefined && (used[i] ?? 0) <= 1e-9;
  const freeTotal = () => state.shelves.reduce((s, sh, i) => (isFree(i) ? s + sh.capacityMm : s), 0);
  const totalMm = (files: PlanFile[]) => files.reduce((s, f) => s + f.widthMm, 0);

  const record = (files: PlanFile[], assign: number[]) => {
    files.forEach((f, i) => assignShelf.set(f.id, assign[i] as number));
  };
  /** Takes a community's files out of the shared usage (they are about to be laid out again). */
  const lift = (files: PlanFile[]) => {
    for (const f of files) if (f.shelf !== null) used[f.shelf] = (used[f.shelf] ?? 0) - f.widthMm;
  };
  const setOwner = (cid: number, first: number, last: number) => {
    for (let i = 0; i < n; i++) if (owner[i] === cid) owner[i] = undefined;
    for (let i = first; i <= last; i++) owner[i] = cid;
  };
  const firstFreeStretch = (files: PlanFile[], reserve: number) => {
    for (let i = 0; i < n; i++) {
      if (!isFree(i) || (i > 0 && isFree(i - 1))) continue;
      const fit = freshFit(files, { ...state, otherUsedMm: used }, isFree, i, reserve);
      if (fit) return { first: i, ...fit };
    }
    return null;
  };
  /** A fresh run somewhere free: with the full reserve if possible, else without it (and say so). */
  const relocateTarget = (c: PlanCommunity, files: PlanFile[]) => {
    const withReserve = firstFreeStretch(files, reserveMm(c, totalMm(files)));
    if (withReserve) return { ...withReserve, reduced: false };
    const bare = firstFreeStretch(files, 0);
    return bare ? { ...bare, reduced: true } : null;
  };
  const tooBig = (c: PlanCommunity, files: PlanFile[], own: number) =>
    new AppError(
      'VALIDATION',
      `${c.name}有 ${files.length} 份档案（约 ${metres(totalMm(files))}），超出全部空余位置（约 ${metres(freeTotal() + own)}）。请先增加密集架或导入布局，再生成上架方案。`,
    );

  const communities = state.communities.filter((c) => (byCommunity.get(c.id) ?? []).some((f) => f.shelf === null));
  // Communities that already have a run first, so new runs take what is left after them.
  const ordered = [...communities.filter((c) => state.runs.has(c.id)), ...communities.filter((c) => !state.runs.has(c.id))];
  for (const c of ordered) {
    const files = byCommunity.get(c.id) ?? [];
    const run = state.runs.get(c.id);
    lift(files);
    if (!run) {
      if (state.partial?.has(c.id)) throw new NeedFullDetail();
      const target = relocateTarget(c, files);
      if (!target) throw tooBig(c, files, 0);
      if (target.reduced) out.notes.push(`${c.name}：空余位置不足以留出全部预留空间，已不留预留上架。`);
      record(files, target.assign);
      setOwner(c.id, target.first, target.last);
      out.runs.push({ communityId: c.id, first: target.first, last: target.last, change: 'new' });
    } else {
      const inPlace = fitRun(files, state.shelves, used, run.first, run.last);
      if (inPlace) {
        record(files, inPlace);
        out.runs.push({ communityId: c.id, first: run.first, last: run.last, change: 'unchanged' });
      } else {
        const option = chooseGrowth(c, files, run);
        if (!option) throw tooBig(c, files, sumCap(run.first, run.last));
        out.notes.push(option.note);
      }
    }
    for (const f of files) used[assignShelf.get(f.id) as number] = (used[assignShelf.get(f.id) as number] ?? 0) + f.widthMm;
  }

  function sumCap(a: number, b: number): number {
    let s = 0;
    for (let i = a; i <= b; i++) s += (state.shelves[i]?.capacityMm ?? 0) - (used[i] ?? 0);
    return s;
  }

  /** Grows a full run the cheapest way (fewest files carried); applies it and returns a note, or null if impossible. */
  function chooseGrowth(c: PlanCommunity, files: PlanFile[], run: { first: number; last: number }): { note: string } | null {
    const want = totalMm(files) + reserveMm(c, totalMm(files));
    // (a) free shelves right after the run: no file moves.
    let last = run.last;
    while (last + 1 < n && isFree(last + 1) && sumCap(run.first, last) < want) last++;
    const grown = fitRun(files, state.shelves, used, run.first, last);
    const costA = grown ? 0 : Infinity;
    if (!grown && state.partial !== undefined && state.partial.size > 0) throw new NeedFullDetail();
    // (b) this community to a free stretch: every placed file of it moves.
    const placedHere = files.filter((f) => f.shelf !== null).length;
    const target = relocateTarget(c, files);
    const costB = target ? placedHere : Infinity;
    // (c) the next community's run to a free stretch, this one grows over the gap and its shelves.
    let costC = Infinity;
    let next: { cid: number; first: number; last: number } | null = null;
    let nextFiles: PlanFile[] = [];
    let nextTarget: ReturnType<typeof relocateTarget> = null;
    let grownC: number[] | null = null;
    let lastC = run.last;
    const after = [...state.runs].filter(([cid, r]) => cid !== c.id && r.first > run.last && owner[r.first] === cid).sort((x, y) => x[1].first - y[1].first)[0];
    if (after && byCommunity.has(after[0])) {
      const [cid, r] = after;
      nextFiles = byCommunity.get(cid) ?? [];
      const nc = state.communities.find((x) => x.id === cid);
      if (nc && !communities.includes(nc)) {
        lift(nextFiles);
        const saved = owner.slice();
        for (let i = r.first; i <= r.last; i++) owner[i] = undefined;
        // The next run must land beyond what this community will take.
        for (let i = run.last + 1; i <= r.last; i++) owner[i] = -1;
        nextTarget = relocateTarget(nc, nextFiles);
        for (let i = 0; i < n; i++) owner[i] = saved[i];
        for (let i = r.first; i <= r.last; i++) owner[i] = undefined;
        lastC = r.last;
        grownC = fitRun(files, state.shelves, used, run.first, lastC);
        for (let i = 0; i < n; i++) owner[i] = saved[i];
        for (const f of nextFiles) if (f.shelf !== null) used[f.shelf] = (used[f.shelf] ?? 0) + f.widthMm;
        if (nextTarget && grownC) {
          costC = nextFiles.filter((f) => f.shelf !== null).length;
          next = { cid, first: r.first, last: r.last };
        }
      }
    }
    const best = Math.min(costA, costB, costC);
    if (best === Infinity) return null;
    if (best === costA && grown) {
      record(files, grown);
      setOwner(c.id, run.first, last);
      out.runs.push({ communityId: c.id, first: run.first, last, change: 'extended' });
      return { note: `${c.name}：架位已满，向后延伸到相邻空架，无需移动档案。` };
    }
    if (best === costC && next && nextTarget && grownC) {
      const nc = state.communities.find((x) => x.id === next.cid) as PlanCommunity;
      lift(nextFiles);
      record(nextFiles, nextTarget.assign);
      for (const f of nextFiles) used[assignShelf.get(f.id) as number] = (used[assignShelf.get(f.id) as number] ?? 0) + f.widthMm;
      setOwner(next.cid, nextTarget.first, nextTarget.last);
      out.runs.push({ communityId: next.cid, first: nextTarget.first, last: nextTarget.last, change: 'relocated' });
      record(files, grownC);
      setOwner(c.id, run.first, lastC);
      out.runs.push({ communityId: c.id, first: run.first, last: lastC, change: 'extended' });
      return { note: `${c.name}：架位已满，将相邻的${nc.name}（${costC} 份）移到空架，腾出位置，保持档号顺序。` };
    }
    if (target) {
      record(files, target.assign);
      setOwner(c.id, target.first, target.last);
      out.runs.push({ communityId: c.id, first: target.first, last: target.last, change: 'relocated' });
      return { note: `${c.name}：架位已满，整体移到空架（${costB} 份），保持档号顺序${target.reduced ? '（空余位置不足，未留预留）' : ''}。` };
    }
    return null;
  }

  for (const f of state.files) {
    const to = assignShelf.get(f.id);
    if (to === undefined) continue;
    if (f.shelf === null) out.placements.push({ fileId: f.id, shelf: to });
    else if (f.shelf !== to) out.moves.push({ fileId: f.id, from: f.shelf, to });
  }
  return out;
}
