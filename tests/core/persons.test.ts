import { describe, expect, it } from 'vitest';
import { fails, makeId, ok, seededCore } from '../helpers/core';

describe('retirees and communities', () => {
  it('adds, finds by name / ID / community, and edits a retiree', async () => {
    const { core, community, town } = await seededCore();
    const other = await ok(core, 'admin', 'community.add', { townId: town.id, code: '002', name: '西湖社区' });
    const zhang = await ok(core, 'admin', 'person.add', { name: '张三丰', idNumber: makeId('19550312', '123'), communityId: community.id, phone: '13800000000' });
    expect(zhang).toMatchObject({ sex: 'M', birthDate: '1955-03-12', communityName: '东风社区', townName: '城关街道' });
    await ok(core, 'admin', 'person.add', { name: '李四', idNumber: makeId('19600101', '224'), communityId: other.id });

    expect((await ok(core, 'admin', 'person.search', { query: '三丰' })).rows.map((p) => p.name)).toEqual(['张三丰']);
    expect((await ok(core, 'admin', 'person.search', { query: '1101051960' })).rows.map((p) => p.name)).toEqual(['李四']);
    expect((await ok(core, 'admin', 'person.search', { communityId: other.id })).total).toBe(1);
    // A % in the query is a character to find, not a wildcard.
    expect((await ok(core, 'admin', 'person.search', { query: '%' })).total).toBe(0);

    const edited = await ok(core, 'admin', 'person.update', { id: zhang.id, name: '张三丰', idNumber: zhang.idNumber, communityId: other.id, phone: '13900000000' });
    expect(edited).toMatchObject({ communityName: '西湖社区', phone: '13900000000' });
    const log = await ok(core, 'admin', 'audit.list', { action: 'person.update' });
    expect(log.rows[0]?.before).toMatchObject({ phone: '13800000000', communityId: community.id });
    expect(log.rows[0]?.after).toMatchObject({ phone: '13900000000', communityId: other.id });
    await core.close();
  });

  it('refuses bad ID numbers and duplicates, leaving nothing half-written', async () => {
    const { core, community } = await seededCore();
    const id = makeId();
    const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const e1 = await fails(core, 'admin', 'person.add', { name: '王五', idNumber: badCheck, communityId: community.id });
    expect(e1).toMatchObject({ code: 'VALIDATION', details: { field: 'idNumber', reason: 'CHECKSUM' } });
    await ok(core, 'admin', 'person.add', { name: '王五', idNumber: id, communityId: community.id });
    const dup = await fails(core, 'admin', 'person.add', { name: '王五五', idNumber: id.toLowerCase(), communityId: community.id });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('王五');
    expect((await fails(core, 'admin', 'person.add', { name: '赵六', idNumber: makeId('19500101', '331'), communityId: 999 })).code).toBe('VALIDATION');
    expect((await ok(core, 'admin', 'person.search', {})).total).toBe(1);
    const check = await ok(core, 'admin', 'person.checkId', { idNumber: id });
    expect(check).toMatchObject({ ok: true, existingPersonId: expect.any(Number) });
    await core.close();
  });

  it('keeps town and community codes unique', async () => {
    const { core, town } = await seededCore();
    expect((await fails(core, 'admin', 'town.add', { code: '01', name: '另一个街道' })).code).toBe('CONFLICT');
    expect((await fails(core, 'admin', 'community.add', { townId: town.id, code: '001', name: '重复代码社区' })).code).toBe('CONFLICT');
    expect((await fails(core, 'admin', 'town.add', { code: '0 1', name: '空格' })).code).toBe('VALIDATION');
    const list = await ok(core, 'admin', 'community.list', {});
    expect(list).toHaveLength(1);
    await core.close();
  });
});
