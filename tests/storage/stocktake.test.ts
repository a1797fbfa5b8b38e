/** Stocktaking through the real core: scans judged at once, then expected-vs-found with a stored report. */
import { describe, expect, it } from 'vitest';
import { fails, ok, seededCore } from '../helpers/core';
import { filesFor, seedCommunities, seedFiles, setStatus } from './seed';

describe('storage stocktake', () => {
  it('flags misplaced, unexpected, on-loan and non-archive-number scans, and reports missing files', async () => {
    const { core } = await seededCore();
    const store = core.workspace.require().store;
    const room = await ok(core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'storage', areaM2: 60 });
    const unit = await ok(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '1号密集架', rows: 2, sections: 1, shelves: 2, sides: 'A', shelfCapacityVolumes: 5 });
    const [a] = seedCommunities(store, 1);
    seedFiles(store, filesFor(a as number, '101', 1, 8));
    const plan = await ok(core, 'admin', 'storage.placementPlan', {});
    await ok(core, 'admin', 'storage.placementCommit', { planId: plan.planId });
    setStatus(store, 'C101-0007', 'on_loan');
    setStatus(store, 'C101-0008', 'on_loan');
    const shelves = await ok(core, 'admin', 'storage.shelfList', { unitId: unit.id });
    const [s1, s2] = [shelves[0]?.id ?? 0, shelves[1]?.id ?? 0];
    // Row 1 has two shelves (1层 holds 0001–0005, 2层 holds 0006–0008); row 2 is empty and outside the range.
    const take = await ok(core, 'admin', 'storage.stocktakeStart', { unitId: unit.id, fromRow: 1, toRow: 1 });
    expect(take).toMatchObject({ expected: 8, scanned: 0, status: 'open', scopeLabel: '一号库房 1号密集架 1–1列' });

    const scan = (shelfId: number, code: string) => ok(core, 'admin', 'storage.stocktakeScan', { stocktakeId: take.id, shelfId, code });
    expect((await scan(s1, 'C101-0001')).outcome).toBe('found');
    expect((await scan(s1, 'C101-0002')).outcome).toBe('found');
    const wrong = await scan(s1, 'C101-0006');
    expect(wrong).toMatchObject({ outcome: 'misplaced', belongsAt: '一号库房-1列-1节-2层-A面-1位' });
    expect(wrong.message).toContain('放错位置，应在 一号库房-1列-1节-2层-A面-1位');
    const loan = await scan(s2, 'C101-0007');
    expect(loan.outcome).toBe('on_loan');
    expect(loan.message).toContain('登记为借出，却在架上');
    const stranger = await scan(s2, 'X999-0001');
    expect(stranger.outcome).toBe('unexpected');
    expect(stranger.message).toContain('不在本馆台账中');
    const junk = await scan(s2, '扫描枪测试');
    expect(junk).toMatchObject({ outcome: 'rejected', scanned: 5 });
    expect(junk.message).toContain('不是档号条码，未记录');
    expect((await scan(s1, 'C101-0001')).outcome).toBe('duplicate');
    expect((await fails(core, 'admin', 'storage.stocktakeScan', { stocktakeId: take.id, shelfId: shelves[2]?.id ?? 0, code: 'C101-0001' })).message).toContain('不在本次盘点范围内');

    const report = await ok(core, 'admin', 'storage.stocktakeFinish', { id: take.id });
    expect(report.found).toBe(2);
    expect(report.missing.map((m) => m.archiveNo)).toEqual(['C101-0003', 'C101-0004', 'C101-0005']);
    expect(report.misplaced).toEqual([{ archiveNo: 'C101-0006', name: expect.any(String), scannedAt: '一号库房-1列-1节-1层-A面', belongsAt: '一号库房-1列-1节-2层-A面-1位' }]);
    expect(report.unexpected.map((u) => [u.code, u.note])).toEqual([
      ['C101-0007', '登记为借出，却在架上'],
      ['X999-0001', '不在台账中'],
    ]);
    // 0008 is out on loan and was not scanned: accounted for by the loan, not missing.
    expect(report.onLoan.map((m) => m.archiveNo)).toEqual(['C101-0008']);
    expect(report.stocktake.status).toBe('finished');
    const doc = await ok(core, 'admin', 'document.get', { id: report.stocktake.reportDocumentId ?? 0 });
    expect(Buffer.from(doc.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fails(core, 'admin', 'storage.stocktakeScan', { stocktakeId: take.id, shelfId: s1, code: 'C101-0003' })).message).toContain('该盘点已结束');
    expect((await ok(core, 'admin', 'storage.stocktakeList', { status: 'finished' })).map((t) => t.id)).toEqual([take.id]);
    expect((await fails(core, 'admin', 'storage.unitDelete', { id: unit.id })).message).toContain('请先移走档案');
  });
});
