/** Placement through the real core: plan, commit in order, stale plans refused, incremental intake, move list, locate, capacity, labels. */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/services/core/core';
import { fails, ok, seededCore, testClock } from '../helpers/core';
import { filesFor, seedCommunities, seedFiles, setStatus } from './seed';

async function setup() {
  const clock = testClock('2026-11-21T08:00:00.000Z');
  const s = await seededCore({ clock });
  const store = s.core.workspace.require().store;
  const room = await ok(s.core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'storage', areaM2: 60 });
  // 2 rows × 2 sections × 2 shelves × 2 sides = 16 shelves of 150 mm (10 single-volume files at the default 15 mm).
  const unit = await ok(s.core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '1号密集架', rows: 2, sections: 2, shelves: 2, sides: 'AB', shelfWidthMm: 150 });
  await ok(s.core, 'admin', 'storage.settingsSave', { defaultReserve: { mode: 'percent', value: 10 } });
  const [a, b] = seedCommunities(store, 2);
  return { ...s, clock, store, room, unit, a: a as number, b: b as number };
}

const place = (core: Core, archiveNo: string) => ok(core, 'admin', 'storage.locate', { query: archiveNo });

describe('storage placement', () => {
  it('places files in archive-number order per community, refuses a stale plan, and keeps intake in order afterwards', async () => {
    const { core, store, a, b, unit } = await setup();
    seedFiles(store, [...filesFor(a, '101', 1, 25), ...filesFor(b, '102', 1, 12)]);
    const plan = await ok(core, 'admin', 'storage.placementPlan', {});
    expect(plan.summary).toEqual({ toPlace: 37, moves: 0, communities: 2 });
    expect(plan.runs.map((r) => [r.communityName, r.firstPlace, r.lastPlace, r.change])).toEqual([
      ['第101社区', '一号库房-1列-1节-1层-A面', '一号库房-1列-2节-1层-A面', 'new'],
      ['第102社区', '一号库房-1列-2节-2层-A面', '一号库房-1列-1节-1层-B面', 'new'],
    ]);

    // Something changes between plan and commit: the plan is refused and nothing is written.
    seedFiles(store, filesFor(a, '101', 26, 26));
    expect((await fails(core, 'admin', 'storage.placementCommit', { planId: plan.planId })).message).toContain('已有变化，请重新生成');
    expect((await place(core, 'C101-0001'))[0]?.place).toBeNull();

    const fresh = await ok(core, 'admin', 'storage.placementPlan', {});
    const done = await ok(core, 'admin', 'storage.placementCommit', { planId: fresh.planId });
    expect(done.summary.toPlace).toBe(38);
    const hits = await place(core, 'C101-0011');
    expect(hits[0]).toMatchObject({ archiveNo: 'C101-0011', status: 'held', statusLabel: '在架', communityName: '第101社区' });
    expect(hits[0]?.place?.label).toBe('一号库房-1列-1节-2层-A面-1位');
    expect((await place(core, 'C101-0010'))[0]?.place?.label).toBe('一号库房-1列-1节-1层-A面-10位');
    // The same plan cannot be committed twice.
    expect((await fails(core, 'admin', 'storage.placementCommit', { planId: fresh.planId })).message).toContain('已有变化');

    // A month of intake for community 101 fills its run: the plan moves the smaller neighbour, with a move list.
    seedFiles(store, filesFor(a, '101', 27, 40, { receivedOn: '2026-11-10' }));
    const grow = await ok(core, 'admin', 'storage.placementPlan', {});
    expect(grow.moves.length).toBe(12);
    expect(grow.moves.every((m) => m.communityName === '第102社区')).toBe(true);
    expect(grow.notes.join()).toContain('移到空架');
    const moveList = await ok(core, 'admin', 'storage.moveListPdf', { planId: grow.planId });
    expect(moveList).toMatchObject({ kind: 'storage.moveList', mime: 'application/pdf' });
    const pdf = await ok(core, 'admin', 'document.get', { id: moveList.id });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await ok(core, 'admin', 'storage.placementCommit', { planId: grow.planId });

    // Order holds everywhere: every community's files sit on non-decreasing shelves.
    const rows = store.all<{ community_id: number; seq: number; ord: number }>(
      'SELECT p.community_id, p.seq, s.ord FROM storage_places p JOIN storage_shelves s ON s.id = p.shelf_id ORDER BY p.community_id, p.seq',
    );
    expect(rows).toHaveLength(52);
    for (let i = 1; i < rows.length; i++) {
      const [x, y] = [rows[i - 1], rows[i]];
      if (x && y && x.community_id === y.community_id) expect(y.ord).toBeGreaterThanOrEqual(x.ord);
    }
    // Shelves never overflow.
    const over = store.all('SELECT shelf_id FROM storage_places GROUP BY shelf_id HAVING SUM(width_mm) > 150');
    expect(over).toEqual([]);

    // Locate by ID number and by name; status follows archive_files.
    setStatus(store, 'C101-0002', 'on_loan');
    const loaned = (await place(core, 'C101-0002'))[0];
    expect(loaned?.statusLabel).toBe('借出');
    const byId = await ok(core, 'admin', 'storage.locate', { query: loaned?.idNumber ?? '', by: 'idNumber' });
    expect(byId.map((h) => h.archiveNo)).toEqual(['C101-0002']);
    const byName = await ok(core, 'admin', 'storage.locate', { query: loaned?.name ?? '', by: 'name' });
    expect(byName[0]?.archiveNo).toBe('C101-0002');
    expect(await ok(core, 'admin', 'storage.locate', { query: '不存在的人' })).toEqual([]);

    // The unit with files cannot be deleted.
    expect((await fails(core, 'admin', 'storage.unitDelete', { id: unit.id })).message).toContain('请先移走档案');
  });

  it('says clearly when a community has more files than all free space, and writes nothing', async () => {
    const { core, store, a } = await setup();
    seedFiles(store, filesFor(a, '101', 1, 200));
    const err = await fails(core, 'admin', 'storage.placementPlan', {});
    expect(err.message).toMatch(/第101社区有 200 份档案（约 3\.0 米），超出全部空余位置（约 2\.4 米）。请先增加密集架/);
    expect(store.get<{ n: number }>('SELECT COUNT(*) AS n FROM storage_places')?.n).toBe(0);
  });

  it('shows capacity, forecast and compliance with the numbers, and prints labels', async () => {
    const { core, store, a, b, unit } = await setup();
    seedFiles(store, [...filesFor(a, '101', 1, 30, { receivedOn: '2026-06-10' }), ...filesFor(b, '102', 1, 10, { volumes: 2, receivedOn: '2026-11-02' })]);
    const plan = await ok(core, 'admin', 'storage.placementPlan', {});
    await ok(core, 'admin', 'storage.placementCommit', { planId: plan.planId });
    await ok(core, 'admin', 'storage.settingsSave', { compliance: { keepers: 1 } });
    await ok(core, 'admin', 'storage.roomSave', { name: '阅档室', kind: 'reading', areaM2: 20 });

    const cap = await ok(core, 'admin', 'storage.capacity', {});
    expect(cap.totals).toMatchObject({ capacityMm: 2400, usedMm: 750, freeMm: 1650, files: 40, volumes: 50, unplacedFiles: 0 });
    const room = cap.rooms.find((r) => r.name === '一号库房');
    expect(room?.units[0]?.rows.map((r) => r.usedMm)).toEqual([750, 0]);
    // 50 volumes in 12 months → 50 × 15 mm / 12 ≈ 62.5 mm a month; 1650 mm free → 26.4 months.
    expect(room?.monthlyGrowthMm).toBe(63);
    expect(room?.forecastFullOn).toBe('2029-02-01');
    expect(cap.runs.map((r) => [r.communityName, r.files, r.usedMm])).toEqual([
      ['第101社区', 30, 450],
      ['第102社区', 10, 300],
    ]);
    expect(cap.intakePerMonth).toHaveLength(12);
    expect(cap.intakePerMonth.find((m) => m.month === '2026-06')).toEqual({ month: '2026-06', files: 30, volumes: 30 });
    const byKey = Object.fromEntries(cap.compliance.map((c) => [c.key, c]));
    expect(byKey.area).toMatchObject({ pass: true, actual: 60, required: 0.1 });
    expect(byKey.keepers).toMatchObject({ pass: true, actual: 1, required: 1 });
    expect(byKey.separateRooms).toMatchObject({ pass: false, actual: 2, required: 3 });
    expect(byKey.separateRooms?.detail).toContain('缺少：办公室');

    const hits = await ok(core, 'admin', 'storage.locate', { query: 'C102-0001' });
    const spine = await ok(core, 'admin', 'storage.labelSheet', { kind: 'spine', fileIds: [hits[0]?.fileId ?? 0], skip: 2 });
    expect(spine.title).toBe('脊背标签（1 份，2 张）');
    const ends = await ok(core, 'admin', 'storage.shelfEndLabels', { unitId: unit.id });
    expect(ends.kind).toBe('storage.label.shelfEnd');
    expect((await fails(core, 'admin', 'storage.labelSheet', { kind: 'box', fileIds: [hits[0]?.fileId ?? 0], skip: 24 })).message).toContain('跳过数应小于 24');
  });
});
