// The 库房管理 screens' state and look-ups against a real core on a real encrypted workspace: the
// renderer's `call` reaches the core through a bridge object standing where Electron's preload puts
// window.archiveDesk. Covers what the e2e does not: 盘点 scans queued in order, labels resolving
// archive numbers, and that the forms' own checks produce input the core accepts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveDeskBridge } from '../../shared/bridge';
import { resolveArchiveNos } from '../../renderer/pages/storage/labels/resolveFiles';
import { checkUnit, EMPTY_UNIT } from '../../renderer/pages/storage/unitPreview';
import { useStocktake } from '../../renderer/state/storageStocktake';
import { useStorage } from '../../renderer/state/storageStore';
import { makeId, ok, seededCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';

type Seeded = Awaited<ReturnType<typeof seededCore>>;

function installBridge(s: Seeded): void {
  const bridge: ArchiveDeskBridge = {
    platform: 'electron',
    call: (method, payload) => s.core.call('admin', method as never, payload as never),
    pickFolder: async () => null,
    pickSaveFile: async () => null,
    pickOpenFile: async () => null,
    pickOpenFiles: async () => null,
  };
  (globalThis as { window?: unknown }).window = { archiveDesk: bridge };
}

afterEach(() => {
  useStocktake.getState().close();
  useStorage.getState().reset();
  delete (globalThis as { window?: unknown }).window;
});

/** A room with one 2 × 2 × 2 × AB unit (16 shelves), built from the unit form's own checked input. */
async function roomAndUnit(s: Seeded) {
  const room = await ok(s.core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'storage', areaM2: 60, note: '' });
  const check = checkUnit({ ...EMPTY_UNIT, name: '1号密集架', rows: '2', sections: '2', shelves: '2', widthMm: '900' }, 30);
  expect(check.input).not.toBeNull();
  const unit = await ok(s.core, 'admin', 'storage.unitCreate', { roomId: room.id, ...check.input! });
  expect(unit.shelfCount).toBe(check.preview?.shelfCount);
  return { room, unit };
}

/** Files received the way the archive receives them: an intake batch with a roster, accepted. */
async function receive(s: Seeded, names: string[]): Promise<string[]> {
  const dir = tempDir();
  const roster = path.join(dir, 'roster.csv');
  const rows = names.map((n, i) => `${i + 1},${n},${makeId('19520101', String(200 + i))},城关街道,东风社区,1,50`);
  fs.writeFileSync(roster, ['序号,姓名,身份证号,乡镇（街道）,社区,档案卷数,页数', ...rows].join('\r\n'));
  const batch = await ok(s.core, 'admin', 'intake.batch.create', { enterprise: '第一棉纺厂', deliveredBy: '刘干事', deliveredOn: '2026-11-02' });
  await ok(s.core, 'admin', 'intake.roster.import', { batchId: batch.id, file: roster });
  const accepted = await ok(s.core, 'admin', 'intake.batch.accept', { batchId: batch.id, overrideNote: '测试：纸质档案已当面清点' });
  return accepted.files.map((f) => f.archiveNo);
}

describe('storage screens against a real core', () => {
  it('loads rooms, units and settings into the store', async () => {
    const s = await seededCore();
    installBridge(s);
    const { unit } = await roomAndUnit(s);
    await useStorage.getState().load();
    const st = useStorage.getState();
    expect(st.error).toBeNull();
    expect(st.rooms.map((r) => r.name)).toEqual(['一号库房']);
    expect(st.units.map((u) => u.id)).toEqual([unit.id]);
    expect(st.settings?.compliance.areaM2Per10k).toBe(15);
  });

  it('labels resolve archive numbers; 盘点 scans are sent in order and counted', async () => {
    const s = await seededCore();
    installBridge(s);
    const { unit } = await roomAndUnit(s);
    const nos = await receive(s, ['李建国', '王秀英', '赵德明']);
    expect(nos).toHaveLength(3);
    const plan = await ok(s.core, 'admin', 'storage.placementPlan', {});
    await ok(s.core, 'admin', 'storage.placementCommit', { planId: plan.planId });

    const progress: number[] = [];
    const resolved = await resolveArchiveNos([nos[2] ?? '', 'NO-SUCH-0001', nos[0] ?? ''], (d) => progress.push(d));
    expect(resolved.files.map((f) => f.archiveNo)).toEqual([nos[2], nos[0]]);
    expect(resolved.missing).toEqual(['NO-SUCH-0001']);
    expect(progress.at(-1)).toBe(3);
    expect(resolved.files[0]?.place?.unitId).toBe(unit.id);

    const started = await ok(s.core, 'admin', 'storage.stocktakeStart', { unitId: unit.id, title: '测试盘点' });
    await useStocktake.getState().open(started);
    const take = useStocktake.getState();
    expect(take.shelves).toHaveLength(16);
    expect(take.expected).toBe(3);
    // Put the clerk at the shelf the first file is on, then scan fast: all three codes queue at once.
    const first = resolved.files[1]?.place?.shelfId ?? 0;
    take.setShelf(first);
    take.scan(nos[0] ?? '');
    take.scan(nos[0] ?? '');
    take.scan('这不是档号');
    await expect.poll(() => useStocktake.getState().pending, { timeout: 10_000 }).toBe(0);
    const log = useStocktake.getState().log;
    expect(log.map((e) => e.result.code)).toEqual(['这不是档号', nos[0], nos[0]]); // newest first, order kept
    expect(log.map((e) => e.result.outcome)).toEqual(['rejected', 'duplicate', 'found']);
    expect(useStocktake.getState().scanned).toBe(1);

    const report = await ok(s.core, 'admin', 'storage.stocktakeFinish', { id: started.id });
    expect(report.found).toBe(1);
    expect(report.missing.map((m) => m.archiveNo).sort()).toEqual([nos[1], nos[2]].sort());
  });
});
