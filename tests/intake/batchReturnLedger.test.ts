/**
 * Returning a failed delivery (退回通知 stored and reprintable, the batch frozen), resolving and
 * reopening findings, re-importing a roster, role checks, and the ledger (台账) listed and exported.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { breakCheckDigit, makeIdNumber } from '../../bench/fixtures/deliveryRoster';
import { LEDGER_HEADERS } from '../../electron/services/domain/intake/ledger';
import { fails, ok, testClock } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { countAll, intakeDesk, newBatch, rosterFile } from './intakeFixtures';

const EAST = '城关街道东风社区';

describe('intake return, findings and ledger', () => {
  it('returns a failed delivery with a notice, and keeps the ledger', async () => {
    const { core } = await intakeDesk({ clock: testClock('2026-11-21T08:00:00.000Z') });
    await ok(core, 'admin', 'user.add', { name: 'clerk1', displayName: '李档案', role: 'clerk', password: 'clerk-password' });
    await ok(core, 'clerk', 'session.login', { name: 'clerk1', password: 'clerk-password' });
    const a = makeIdNumber(40);
    const b = makeIdNumber(41);

    // A clerk may read intake but not register a batch.
    expect((await fails(core, 'clerk', 'intake.batch.create', { enterprise: 'X', deliveredBy: 'Y', deliveredOn: '2026-11-20' })).code).toBe('FORBIDDEN');
    expect((await fails(core, 'desk', 'intake.batch.create', { enterprise: 'X', deliveredBy: 'Y', deliveredOn: '2027-01-01' })).message).toMatch(/晚于今天/);

    const bad = await newBatch(core, 'desk', '红星化工厂');
    const first = await ok(core, 'desk', 'intake.roster.import', {
      batchId: bad.id,
      file: await rosterFile([
        { name: '王建国', id: breakCheckDigit(a), place: EAST, volumes: 1, pages: 40 },
        { name: '', id: b, place: '城关街道不存在社区', volumes: '一', pages: 10 },
      ]),
    });
    expect(first.rows).toBe(2);
    const codes = (await ok(core, 'desk', 'intake.finding.list', { batchId: bad.id })).map((f) => f.code).sort();
    expect(codes).toEqual(['BAD_VOLUMES', 'ID_CHECKSUM', 'MISSING_NAME', 'UNKNOWN_COMMUNITY']);
    // Findings carry the person they concern, for grouping.
    const persons = await ok(core, 'desk', 'intake.person.list', { batchId: bad.id, withOpenFindings: true });
    expect(persons.rows.map((p) => [p.row, p.findingsOpen])).toEqual([[5, 1], [6, 3]]);

    // Resolve with a note, reopen: who and when are kept, and both are audited.
    const missingName = (await ok(core, 'desk', 'intake.finding.list', { batchId: bad.id })).find((f) => f.code === 'MISSING_NAME');
    const resolved = await ok(core, 'desk', 'intake.finding.resolve', { findingId: missingName?.id as number, note: '电话确认姓名为李四' });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: '电话确认姓名为李四', resolvedBy: 'desk1' });
    expect((await ok(core, 'desk', 'intake.finding.reopen', { findingId: resolved.id })).state).toBe('open');
    expect((await fails(core, 'desk', 'intake.finding.resolve', { findingId: resolved.id, note: '  ' })).message).toMatch(/请填写处理说明/);

    // A corrected roster replaces the rows and their findings.
    const fixed = await ok(core, 'desk', 'intake.roster.import', {
      batchId: bad.id,
      file: await rosterFile([{ name: '王建国', id: a, place: EAST, volumes: 1, pages: 40 }]),
    });
    expect(fixed).toMatchObject({ rows: 1, findings: 0 });
    expect(await ok(core, 'desk', 'intake.finding.list', { batchId: bad.id })).toEqual([]);
    // …but the paper is short: returned with a reason, the notice stored as a PDF.
    await ok(core, 'desk', 'intake.desk.record', { batchId: bad.id, idNumber: a, volumes: 1, pages: 31 });
    const returned = await ok(core, 'desk', 'intake.batch.return', { batchId: bad.id, reason: '缺页 9 页，请补齐后重新移交。' });
    expect(returned.batch).toMatchObject({ status: 'returned', returnReason: '缺页 9 页，请补齐后重新移交。', returnedOn: '2026-11-21' });
    expect(returned.documentProblems).toEqual([]);
    expect(returned.document?.kind).toBe('intake.inspection.return');
    const docs = await ok(core, 'clerk', 'document.list', { refEntity: 'intake_batch', refId: bad.id });
    expect(docs.map((d) => d.kind)).toEqual(['intake.inspection.return']);
    const pdf = await ok(core, 'desk', 'document.get', { id: docs[0]?.id as number });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // A returned batch is frozen.
    expect((await fails(core, 'desk', 'intake.roster.import', { batchId: bad.id, file: await rosterFile([{ name: '王建国', id: a, place: EAST, volumes: 1, pages: 40 }]) })).message).toMatch(/已退回，不能再修改/);
    expect((await fails(core, 'boss', 'intake.batch.accept', { batchId: bad.id, overrideNote: 'x' })).code).toBe('CONFLICT');

    // The enterprise comes back with the complete file: a new batch, accepted.
    const good = await newBatch(core, 'desk', '红星化工厂');
    await ok(core, 'desk', 'intake.roster.import', { batchId: good.id, file: await rosterFile([{ name: '王建国', id: a, place: EAST, volumes: 1, pages: 40 }]) });
    await countAll(core, good.id);
    await ok(core, 'desk', 'intake.batch.accept', { batchId: good.id });
    const other = await newBatch(core, 'desk', '东方机床厂');

    const all = await ok(core, 'clerk', 'ledger.list', {});
    expect(all.total).toBe(3);
    expect(all.totals).toMatchObject({ batches: 3, persons: 2, volumes: 2, pages: 80 });
    const redStar = await ok(core, 'clerk', 'ledger.list', { enterprise: '红星' });
    expect(redStar.rows.map((r) => [r.batchNo, r.status, r.firstNo])).toEqual([
      [bad.batchNo, 'returned', null],
      [good.batchNo, 'accepted', 'CCSRS-01-001-0001'],
    ]);
    expect((await ok(core, 'clerk', 'ledger.list', { status: 'registered' })).rows.map((r) => r.batchId)).toEqual([other.id]);

    const out = path.join(tempDir(), '台账.xlsx');
    const exported = await ok(core, 'clerk', 'ledger.export', { to: out, filters: { enterprise: '红星' } });
    expect(exported).toEqual({ file: out, rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const values = (r: number) => ((ws?.getRow(r).values ?? []) as unknown[]).slice(1);
    expect(values(1)).toEqual([...LEDGER_HEADERS]);
    expect(values(2).slice(0, 8)).toEqual([bad.batchNo, '2026-11-20', '红星化工厂', '赵六', '退回', 1, 1, 40]);
    expect(values(3).slice(0, 8)).toEqual([good.batchNo, '2026-11-20', '红星化工厂', '赵六', '已接收', 1, 1, 40]);
    expect(values(3)[10]).toBe('CCSRS-01-001-0001');
    // Never overwrites a file the user has.
    expect((await fails(core, 'clerk', 'ledger.export', { to: out })).message).toMatch(/已存在/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['台账.xlsx']);
    await core.close();
  }, 60_000);
});
