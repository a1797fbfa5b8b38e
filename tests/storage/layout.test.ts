/** Rooms, shelving units from one form, layout import (.xlsx preview + commit), settings and permissions, through the real core. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fails, ok, seededCore } from '../helpers/core';
import { filesFor, seedCommunities, seedFiles } from './seed';

async function layoutXlsx(rows: (string | number | null)[][], header = ['库房', '密集架', '列', '节', '层', '面', '宽度(mm)', '容量(卷)']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('布局');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('storage layout', () => {
  it('creates rooms and a whole unit from one form, lists shelves in filing order, refuses bad input in Chinese', async () => {
    const { core } = await seededCore();
    const room = await ok(core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'storage', areaM2: 120 });
    expect((await fails(core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'office', areaM2: 10 })).message).toContain('已有名为“一号库房”的房间');
    const unit = await ok(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '1号密集架', rows: 12, sections: 6, shelves: 5, sides: 'AB', shelfWidthMm: 900 });
    expect(unit).toMatchObject({ rows: 12, sections: 6, shelves: 5, sides: ['A', 'B'], shelfCount: 720, shelfWidthMm: 900, shelfCapacityVolumes: null });
    const row1 = await ok(core, 'admin', 'storage.shelfList', { unitId: unit.id, row: 1 });
    expect(row1).toHaveLength(60);
    // Filing order: side A bay by bay, top to bottom, then side B.
    expect(row1.slice(0, 6).map((s) => s.place)).toEqual([
      '一号库房-1列-1节-1层-A面',
      '一号库房-1列-1节-2层-A面',
      '一号库房-1列-1节-3层-A面',
      '一号库房-1列-1节-4层-A面',
      '一号库房-1列-1节-5层-A面',
      '一号库房-1列-2节-1层-A面',
    ]);
    expect(row1[30]?.place).toBe('一号库房-1列-1节-1层-B面');

    const narrow = await fails(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '窄架', rows: 1, sections: 1, shelves: 1, shelfWidthMm: 10 });
    expect(narrow.message).toContain('比一卷档案的默认厚度（15 mm）还窄');
    const both = await fails(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '二选一', rows: 1, sections: 1, shelves: 1, shelfWidthMm: 900, shelfCapacityVolumes: 60 });
    expect(both.message).toContain('二选一');
    const office = await ok(core, 'admin', 'storage.roomSave', { name: '办公室', kind: 'office', areaM2: 20 });
    expect((await fails(core, 'admin', 'storage.unitCreate', { roomId: office.id, name: 'X', rows: 1, sections: 1, shelves: 1, shelfCapacityVolumes: 60 })).message).toContain('不是库房');
    expect((await fails(core, 'admin', 'storage.roomDelete', { id: room.id })).message).toContain('请先删除密集架');
    await ok(core, 'admin', 'storage.unitDelete', { id: unit.id });
    await ok(core, 'admin', 'storage.roomDelete', { id: room.id });
    expect((await ok(core, 'admin', 'storage.roomList', {})).map((r) => r.name)).toEqual(['办公室']);

    // Roles: an intake clerk may read storage but not change it.
    await ok(core, 'admin', 'user.add', { name: 'recv', displayName: '接收员', role: 'intake', password: 'recv-password' });
    await ok(core, 'recv', 'session.login', { name: 'recv', password: 'recv-password' });
    await ok(core, 'recv', 'storage.roomList', {});
    expect((await fails(core, 'recv', 'storage.roomSave', { name: '三号库房', kind: 'storage', areaM2: 1 })).code).toBe('FORBIDDEN');
  });

  it('imports a layout from .xlsx after a preview, and refuses duplicates, overlaps and too-narrow shelves without writing anything', async () => {
    const { core } = await seededCore();
    const good = await layoutXlsx([
      ['二号库房', 'A架', 1, 1, 1, 'A', 900, null],
      ['二号库房', 'A架', 1, 1, 2, 'A面', 900, null],
      ['二号库房', 'A架', 1, 1, 1, 'B', null, 60],
      ['三号库房', '甲', 1, 1, 1, 'A', 800, null],
    ]);
    const preview = await ok(core, 'admin', 'storage.layoutPreview', { base64: good });
    expect(preview).toMatchObject({ newRooms: ['二号库房', '三号库房'], shelves: 4, problems: [] });
    expect(preview.units).toEqual([
      { room: '二号库房', name: 'A架', shelves: 3, isNew: true },
      { room: '三号库房', name: '甲', shelves: 1, isNew: true },
    ]);
    expect((await fails(core, 'admin', 'storage.layoutImport', { base64: good, token: 'x' })).message).toContain('请重新预览');
    await ok(core, 'admin', 'storage.layoutImport', { base64: good, token: preview.token });
    const units = await ok(core, 'admin', 'storage.unitList', {});
    expect(units.map((u) => [u.roomName, u.name, u.shelfCount])).toEqual([
      ['二号库房', 'A架', 3],
      ['三号库房', '甲', 1],
    ]);

    const bad = await layoutXlsx([
      ['二号库房', 'A架', 1, 1, 1, 'A', 900, null], // overlaps an existing shelf
      ['四号库房', 'B架', 1, 1, 1, 'A', 900, null],
      ['四号库房', 'B架', 1, 1, 1, 'A', 900, null], // duplicate of the row above
      ['四号库房', 'B架', 1, 1, 2, 'A', 5, null], // narrower than one file
      ['四号库房', 'B架', 1, 1, 3, 'C', 900, null],
    ]);
    const p2 = await ok(core, 'admin', 'storage.layoutPreview', { base64: bad });
    expect(p2.problems.map((p) => p.row)).toEqual([2, 4, 5, 6]);
    expect(p2.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('与已有架位重叠：二号库房 A架 1列1节1层A面 已经存在'),
      expect.stringContaining('位置重复：四号库房 B架 1列1节1层A面 在第 3 行已经出现'),
      expect.stringContaining('每层可用宽度 5 mm 比一卷档案的默认厚度'),
      expect.stringContaining('面应为 A 或 B'),
    ]);
    const refused = await fails(core, 'admin', 'storage.layoutImport', { base64: bad, token: p2.token });
    expect(refused.message).toMatch(/布局文件有 4 处问题，未导入任何架位/);
    expect((await ok(core, 'admin', 'storage.roomList', {})).map((r) => r.name)).toEqual(['二号库房', '三号库房']);

    const noHeader = await layoutXlsx([['x']], ['名称']);
    expect((await ok(core, 'admin', 'storage.layoutPreview', { base64: noHeader })).problems[0]?.message).toContain('缺少列');
    expect((await fails(core, 'admin', 'storage.layoutPreview', { base64: Buffer.from('not a workbook').toString('base64') })).message).toContain('无法读取布局文件');
  });

  it('deleting an empty unit that a run reached into as reserve shortens the run instead of dropping it', async () => {
    const { core } = await seededCore();
    const store = core.workspace.require().store;
    const room = await ok(core, 'admin', 'storage.roomSave', { name: '一号库房', kind: 'storage', areaM2: 60 });
    await ok(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '甲', rows: 1, sections: 1, shelves: 1, sides: 'A', shelfWidthMm: 150 });
    const b = await ok(core, 'admin', 'storage.unitCreate', { roomId: room.id, name: '乙', rows: 1, sections: 1, shelves: 1, sides: 'A', shelfWidthMm: 150 });
    const [c] = seedCommunities(store, 1);
    // 9 files × 15 mm = 135 mm on 甲 plus 20 % reserve (27 mm) reaches into 乙.
    seedFiles(store, filesFor(c as number, '101', 1, 9));
    const plan = await ok(core, 'admin', 'storage.placementPlan', {});
    await ok(core, 'admin', 'storage.placementCommit', { planId: plan.planId });
    expect((await ok(core, 'admin', 'storage.capacity', {})).runs[0]?.lastPlace).toBe('一号库房-乙-1列-1节-1层-A面');
    await ok(core, 'admin', 'storage.unitDelete', { id: b.id });
    const runs = (await ok(core, 'admin', 'storage.capacity', {})).runs;
    expect(runs.map((r) => [r.firstPlace, r.lastPlace, r.files])).toEqual([['一号库房-1列-1节-1层-A面', '一号库房-1列-1节-1层-A面', 9]]);
  });

  it('keeps settings with defaults and per-community reserves', async () => {
    const { core, community } = await seededCore();
    const s0 = await ok(core, 'admin', 'storage.settingsGet', {});
    expect(s0.compliance.areaM2Per10k).toBe(15);
    const s1 = await ok(core, 'admin', 'storage.settingsSave', {
      defaultVolumeThicknessMm: 20,
      reserves: { [String(community.id)]: { mode: 'months', value: 6 } },
      compliance: { areaM2Per10k: 20 },
    });
    expect(s1).toMatchObject({ defaultVolumeThicknessMm: 20, reserves: { [String(community.id)]: { mode: 'months', value: 6 } }, compliance: { areaM2Per10k: 20, volumesPerKeeper: 10000 } });
    const s2 = await ok(core, 'admin', 'storage.settingsSave', { reserves: { [String(community.id)]: null } });
    expect(s2.reserves).toEqual({});
    expect((await fails(core, 'admin', 'storage.settingsSave', { defaultReserve: { mode: 'percent', value: -1 } })).message).toContain('预留比例不能为负数');
  });
});
