/**
 * Intake decisions on roster-only batches: numbering per community in roster order and never
 * reused across batches; acceptance refused to the desk with open findings, allowed to a
 * supervisor with a note (audited); rows that cannot become files refused whatever the override.
 */
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../bench/fixtures/deliveryRoster';
import { fails, ok } from '../helpers/core';
import { countAll, intakeDesk, newBatch, rosterFile } from './intakeFixtures';

const EAST = '城关街道东风社区';
const WEST = '城关街道西湖社区';

describe('intake acceptance and numbering', () => {
  it('numbers per community in roster order, continues across batches, and guards the override', async () => {
    const { core } = await intakeDesk();
    // Batch 1: east, west, east — east gets 0001 and 0002 in roster order, west 0001.
    const b1 = await newBatch(core);
    expect(b1.status).toBe('registered');
    expect(b1.batchNo).toBe('JS2026-0001');
    const ids = [0, 1, 2, 3, 4, 5].map((i) => makeIdNumber(i + 20));
    const imported = await ok(core, 'desk', 'intake.roster.import', {
      batchId: b1.id,
      file: await rosterFile([
        { name: '王建国', id: ids[0] as string, place: EAST, volumes: 1, pages: 40 },
        { name: '李秀英', id: ids[1] as string, place: WEST, volumes: 2, pages: 80 },
        { name: '张志强', id: ids[2] as string, place: EAST, volumes: 1, pages: 35 },
      ]),
    });
    expect(imported).toMatchObject({ rows: 3, findings: 0 });
    // Not counted at the desk yet: the desk may not accept, and says why.
    const notCounted = await fails(core, 'desk', 'intake.batch.accept', { batchId: b1.id });
    expect(notCounted.message).toMatch(/3 人的纸质档案未清点/);
    await countAll(core, b1.id);
    const accepted = await ok(core, 'desk', 'intake.batch.accept', { batchId: b1.id });
    expect(accepted.batch.status).toBe('accepted');
    expect(accepted.importJobId).toBeNull();
    const byName = Object.fromEntries(accepted.files.map((f) => [f.name, f.archiveNo]));
    expect(byName).toEqual({ 王建国: 'CCSRS-01-001-0001', 张志强: 'CCSRS-01-001-0002', 李秀英: 'CCSRS-01-002-0001' });
    expect(accepted.files.find((f) => f.name === '李秀英')).toMatchObject({ volumes: 2, pages: 80, thicknessMm: 30 });
    // The retirees exist now, linked to their files.
    const person = await ok(core, 'desk', 'person.search', { query: ids[0] as string });
    expect(person.rows[0]?.name).toBe('王建国');
    // Its documents were made once; asking again makes no duplicates.
    expect(await ok(core, 'desk', 'intake.documents.regenerate', { batchId: b1.id })).toEqual({ documents: [], problems: [] });
    expect((await ok(core, 'desk', 'document.list', { refEntity: 'intake_batch', refId: b1.id })).map((x) => x.kind).sort()).toEqual(['intake.filelist', 'intake.inspection.pass', 'intake.receipt']);
    // Accepted is final.
    expect((await fails(core, 'desk', 'intake.desk.record', { batchId: b1.id, idNumber: ids[0] as string, volumes: 1, pages: 40 })).code).toBe('CONFLICT');

    // Batch 2: east again — numbers continue at 0003; a desk mismatch is an open finding.
    const b2 = await newBatch(core, 'desk', '某某纺织厂厂');
    // A typo in the registration is corrected while the batch is open.
    await ok(core, 'desk', 'intake.batch.update', { id: b2.id, enterprise: '某某纺织厂', contact: '', contactPhone: '', deliveredBy: '钱七', deliveredOn: '2026-11-20', note: '' });
    expect((await ok(core, 'desk', 'intake.batch.list', { query: '纺织' })).rows.map((x) => [x.batchNo, x.enterprise, x.deliveredBy])).toEqual([['JS2026-0002', '某某纺织厂', '钱七']]);
    expect((await ok(core, 'desk', 'intake.batch.list', { status: 'accepted' })).rows.map((x) => x.id)).toEqual([b1.id]);
    await ok(core, 'desk', 'intake.roster.import', {
      batchId: b2.id,
      file: await rosterFile([
        { name: '刘玉珍', id: ids[3] as string, place: EAST, volumes: 1, pages: 50 },
        { name: '陈卫东', id: ids[4] as string, place: EAST, volumes: 1, pages: 60 },
      ]),
    });
    await ok(core, 'desk', 'intake.desk.record', { batchId: b2.id, idNumber: ids[3] as string, volumes: 1, pages: 50 });
    // Scanned with a lower-case x / spaces is the same person; 58 pages instead of 60.
    const diff = await ok(core, 'desk', 'intake.desk.record', { batchId: b2.id, idNumber: ` ${ids[4] as string} `, volumes: 1, pages: 58 });
    expect(diff.differences).toEqual([expect.stringMatching(/清点为 58 页，名册登记 60 页/)]);
    const open = await ok(core, 'desk', 'intake.finding.list', { batchId: b2.id, state: 'open' });
    expect(open.map((f) => f.code)).toEqual(['DESK_PAGES_MISMATCH']);
    const refused = await fails(core, 'desk', 'intake.batch.accept', { batchId: b2.id, overrideNote: '我说可以' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/1 个未处理的问题.*请主管决定/);
    const noNote = await fails(core, 'boss', 'intake.batch.accept', { batchId: b2.id });
    expect(noNote.message).toMatch(/请填写接收说明/);
    const overridden = await ok(core, 'boss', 'intake.batch.accept', { batchId: b2.id, overrideNote: '缺 2 页，企业承诺补交书面说明' });
    expect(overridden.files.map((f) => f.archiveNo)).toEqual(['CCSRS-01-001-0003', 'CCSRS-01-001-0004']);
    expect(overridden.files[1]?.pages).toBe(58); // the desk's count is what was received
    expect(overridden.batch).toMatchObject({ status: 'accepted', overrideNote: '缺 2 页，企业承诺补交书面说明', firstNo: 'CCSRS-01-001-0003', lastNo: 'CCSRS-01-001-0004' });
    const audit = await ok(core, 'admin', 'audit.list', { action: 'intake.batch.accept' });
    const entry = audit.rows.find((a) => a.entityId === String(b2.id));
    expect(entry?.userName).toBe('boss1');
    expect(JSON.stringify(entry?.after)).toMatch(/"overridden":true/);

    // Batch 3: someone already held, and a bad check digit — findings at import, and no override can accept them.
    const b3 = await newBatch(core);
    const r3 = await ok(core, 'desk', 'intake.roster.import', {
      batchId: b3.id,
      file: await rosterFile([
        { name: '王建国', id: ids[0] as string, place: EAST, volumes: 1, pages: 40 },
        { name: '孙明德', id: `${(ids[5] as string).slice(0, 17)}${(ids[5] as string)[17] === '1' ? '2' : '1'}`, place: WEST, volumes: 1, pages: 10 },
      ]),
    });
    expect(r3.errors).toBe(2);
    const codes = (await ok(core, 'desk', 'intake.finding.list', { batchId: b3.id })).map((f) => f.code).sort();
    expect(codes).toEqual(['ALREADY_HELD', 'ID_CHECKSUM']);
    await countAll(core, b3.id);
    const unusable = await fails(core, 'boss', 'intake.batch.accept', { batchId: b3.id, overrideNote: '试试' });
    expect(unusable.code).toBe('CONFLICT');
    expect(unusable.message).toMatch(/已在本馆保管/);
    expect(unusable.message).toMatch(/身份证号有误/);
    // Nothing was written: the next east number is still 0005.
    const settings = await ok(core, 'desk', 'intake.settings.get', {});
    expect(settings.preview.find((p) => p.community.includes('东风'))?.next).toBe('CCSRS-01-001-0005');
    const detail = await ok(core, 'desk', 'intake.batch.get', { id: b3.id });
    expect(detail.batch.status).toBe('registered');
    expect(detail.acceptBlockers.join('\n')).toMatch(/已在本馆保管/);
  });

  it('takes a community registered after the roster was read, and refuses a file counted as 0 volumes', async () => {
    const { core, town } = await intakeDesk();
    const b = await newBatch(core);
    const a = makeIdNumber(60);
    const c = makeIdNumber(61);
    await ok(core, 'desk', 'intake.roster.import', {
      batchId: b.id,
      file: await rosterFile([
        { name: '赵春梅', id: a, place: '城关街道新华社区', volumes: 1, pages: 20 },
        { name: '钱立新', id: c, place: EAST, volumes: 1, pages: 20 },
      ]),
    });
    const [unknown] = await ok(core, 'desk', 'intake.finding.list', { batchId: b.id });
    expect(unknown?.code).toBe('UNKNOWN_COMMUNITY');
    await ok(core, 'admin', 'community.add', { townId: town.id, code: '003', name: '新华社区' });
    await ok(core, 'desk', 'intake.finding.resolve', { findingId: unknown?.id as number, note: '已登记新华社区' });
    await ok(core, 'desk', 'intake.desk.record', { batchId: b.id, idNumber: a, volumes: 1, pages: 20 });
    // The second file never arrived: counted as 0 volumes, explained in writing.
    await ok(core, 'desk', 'intake.desk.record', { batchId: b.id, idNumber: c, volumes: 0, pages: 0, explanation: '企业说明该档案已遗失' });
    const zero = await fails(core, 'desk', 'intake.batch.accept', { batchId: b.id });
    expect(zero.message).toMatch(/钱立新.*清点为 0 卷/);
    // The desk's explanation resolved the count findings, so only the row itself stands in the way.
    expect(await ok(core, 'desk', 'intake.finding.list', { batchId: b.id, state: 'open' })).toEqual([]);
    const resolved = await ok(core, 'desk', 'intake.finding.list', { batchId: b.id, source: 'desk' });
    expect(resolved.map((f) => [f.code, f.state, f.resolution])).toEqual([
      ['DESK_VOLUMES_MISMATCH', 'resolved', '书面说明：企业说明该档案已遗失'],
      ['DESK_PAGES_MISMATCH', 'resolved', '书面说明：企业说明该档案已遗失'],
    ]);
    // Re-imported without that person, the batch is accepted and numbered in the new community.
    await ok(core, 'desk', 'intake.roster.import', { batchId: b.id, file: await rosterFile([{ name: '赵春梅', id: a, place: '城关街道新华社区', volumes: 1, pages: 20 }]) });
    await countAll(core, b.id);
    const done = await ok(core, 'desk', 'intake.batch.accept', { batchId: b.id });
    expect(done.files.map((f) => [f.name, f.archiveNo, f.community])).toEqual([['赵春梅', 'CCSRS-01-003-0001', '新华社区']]);
  });
});
