/** The pure placement planner: order, contiguous runs with reserve, fewest moves when a run is full, clear refusals. */
import { describe, expect, it } from 'vitest';
import { planPlacement, type PlanFile, type PlanState } from '../../electron/services/domain/storage/planner';

function state(shelves: number, capMm: number, files: PlanFile[], runs: [number, number, number][] = [], communities = [1, 2, 3], reservePercent = 0): PlanState {
  const placedCount = new Map<number, number>();
  for (const f of files) if (f.shelf !== null) placedCount.set(f.communityId, (placedCount.get(f.communityId) ?? 0) + 1);
  return {
    shelves: Array.from({ length: shelves }, (_, i) => ({ id: 100 + i, capacityMm: capMm, place: `S${i}` })),
    otherUsedMm: new Array<number>(shelves).fill(0),
    files,
    runs: new Map(runs.map(([c, first, last]) => [c, { first, last }])),
    communities: communities.map((id) => ({ id, name: `社区${id}`, reservePercent, reserveFixedMm: 0 })),
    placedCount,
  };
}

let nextId = 1;
function files(communityId: number, from: number, to: number, shelfOf: (seq: number) => number | null = () => null, widthMm = 10): PlanFile[] {
  const out: PlanFile[] = [];
  for (let seq = from; seq <= to; seq++) out.push({ id: nextId++, communityId, seq, archiveNo: `C${communityId}-${seq}`, widthMm, shelf: shelfOf(seq) });
  return out;
}

/** Every community's files sit in seq order on non-decreasing shelves inside its run, runs do not overlap, no shelf overflows. */
function checkOrder(s: PlanState, out: ReturnType<typeof planPlacement>, capMm: number): void {
  const at = new Map<number, number>();
  for (const f of s.files) if (f.shelf !== null) at.set(f.id, f.shelf);
  for (const p of out.placements) at.set(p.fileId, p.shelf);
  for (const m of out.moves) at.set(m.fileId, m.to);
  const used = new Map<number, number>();
  const runs = new Map(s.runs);
  for (const r of out.runs) runs.set(r.communityId, { first: r.first, last: r.last });
  for (const c of new Set(s.files.map((f) => f.communityId))) {
    const list = s.files.filter((f) => f.communityId === c).sort((a, b) => a.seq - b.seq);
    const run = runs.get(c);
    expect(run).toBeDefined();
    let prev = -1;
    for (const f of list) {
      const shelf = at.get(f.id) as number;
      expect(shelf).toBeGreaterThanOrEqual(prev);
      expect(shelf).toBeGreaterThanOrEqual(run?.first ?? 0);
      expect(shelf).toBeLessThanOrEqual(run?.last ?? 0);
      prev = shelf;
      used.set(shelf, (used.get(shelf) ?? 0) + f.widthMm);
    }
  }
  for (const u of used.values()) expect(u).toBeLessThanOrEqual(capMm);
  const all = [...runs.values()].sort((a, b) => a.first - b.first);
  for (let i = 1; i < all.length; i++) expect(all[i]?.first).toBeGreaterThan(all[i - 1]?.last ?? -1);
}

describe('planPlacement', () => {
  it('lays out new communities in order, each contiguous, with its growth reserve after it', () => {
    const s = state(20, 100, [...files(1, 1, 25), ...files(2, 1, 12), ...files(3, 1, 3)], [], [1, 2, 3], 20);
    const out = planPlacement(s);
    checkOrder(s, out, 100);
    expect(out.moves).toEqual([]);
    expect(out.placements).toHaveLength(40);
    // 25 files × 10 mm = 250 mm on shelves 0–2, plus 20 % (50 mm) reserve: shelf 2 has 50 mm left → run is 0–2.
    expect(out.runs.map((r) => [r.communityId, r.first, r.last, r.change])).toEqual([
      [1, 0, 2, 'new'],
      [2, 3, 4, 'new'],
      [3, 5, 5, 'new'],
    ]);
  });

  it('leaves a fixed reserve (N months of observed intake) after a new run', () => {
    const s = state(10, 100, files(1, 1, 5), [], [1]);
    const c = s.communities[0];
    if (c) c.reserveFixedMm = 180; // e.g. 6 months × 2 files × 15 mm
    const out = planPlacement(s);
    // 50 mm of files on shelf 0 leaves 50 mm; 130 mm more reserve takes shelves 1 and 2.
    expect(out.runs).toEqual([{ communityId: 1, first: 0, last: 2, change: 'new' }]);
  });

  it('appends a month of intake inside the run without moving anything', () => {
    const placed = files(1, 1, 15, (seq) => (seq <= 10 ? 0 : 1));
    const s = state(10, 100, [...placed, ...files(1, 16, 20)], [[1, 0, 3]]);
    const out = planPlacement(s);
    checkOrder(s, out, 100);
    expect(out.moves).toEqual([]);
    expect(out.placements.map((p) => p.shelf)).toEqual([1, 1, 1, 1, 1]);
  });

  it('grows a full run into free shelves right after it with no moves', () => {
    const s = state(10, 100, [...files(1, 1, 20, (seq) => (seq <= 10 ? 0 : 1)), ...files(1, 21, 23)], [[1, 0, 1]]);
    const out = planPlacement(s);
    checkOrder(s, out, 100);
    expect(out.moves).toEqual([]);
    expect(out.runs).toEqual([{ communityId: 1, first: 0, last: 2, change: 'extended' }]);
    expect(out.notes[0]).toContain('向后延伸');
  });

  it('when the next run blocks, moves whichever community has fewer files', () => {
    // Community 1 (20 files) full on shelves 0–1, community 2 (3 files) right after on shelf 2, free shelves 3–9.
    const big = files(1, 1, 20, (seq) => (seq <= 10 ? 0 : 1));
    const small = files(2, 1, 3, () => 2);
    const s = state(10, 100, [...big, ...small, ...files(1, 21, 22)], [[1, 0, 1], [2, 2, 2]]);
    const out = planPlacement(s);
    checkOrder(s, out, 100);
    expect(out.moves).toHaveLength(3);
    expect(new Set(out.moves.map((m) => m.fileId))).toEqual(new Set(small.map((f) => f.id)));
    expect(out.runs.find((r) => r.communityId === 1)?.last).toBeGreaterThanOrEqual(2);

    // Reverse sizes: community 1 has 3 files, community 2 has 20 → community 1 moves itself (3 moves + its new file placed).
    const few = files(1, 1, 10, () => 0);
    const many = files(2, 1, 20, (seq) => (seq <= 10 ? 1 : 2));
    const s2 = state(10, 100, [...few, ...many, ...files(1, 11, 11)], [[1, 0, 0], [2, 1, 2]]);
    const out2 = planPlacement(s2);
    checkOrder(s2, out2, 100);
    expect(out2.moves).toHaveLength(10);
    expect(out2.moves.every((m) => few.some((f) => f.id === m.fileId))).toBe(true);
    expect(out2.runs.find((r) => r.communityId === 1)?.change).toBe('relocated');
  });

  it('a late file numbered inside the run pushes only the files after it that no longer fit', () => {
    // Shelves of 100 mm: seq 1–9 (no 5) on shelf 0 = 80 mm... fill shelf 0 completely with 10 files, shelf 1 with 5.
    const seqs = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const placed: PlanFile[] = seqs.map((seq, i) => ({ id: nextId++, communityId: 1, seq, archiveNo: `C1-${seq}`, widthMm: 10, shelf: i < 10 ? 0 : 1 }));
    const late: PlanFile = { id: nextId++, communityId: 1, seq: 5, archiveNo: 'C1-5', widthMm: 10, shelf: null };
    const s = state(4, 100, [...placed, late], [[1, 0, 3]]);
    const out = planPlacement(s);
    checkOrder(s, out, 100);
    expect(out.placements).toEqual([{ fileId: late.id, shelf: 0 }]);
    // Only the last file of shelf 0 (seq 11) moves to shelf 1.
    expect(out.moves.map((m) => s.files.find((f) => f.id === m.fileId)?.seq)).toEqual([11]);
  });

  it('refuses a community larger than all free space, and a file wider than any shelf, in Chinese', () => {
    expect(() => planPlacement(state(2, 100, files(1, 1, 30)))).toThrow(/社区1有 30 份档案.*超出全部空余位置/);
    expect(() => planPlacement(state(2, 100, files(1, 1, 1, () => null, 150)))).toThrow(/比任何一层的可用宽度.*都宽/);
  });
});
