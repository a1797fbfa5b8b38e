/** Lending's printed documents: 审批表, 催还通知, 登记簿 (PDF and .xlsx), certified copies, and the 转递通知单 of a transfer out. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fails, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { pdfInfo, pdfText, savePdf, squash } from '../documents/poppler';
import { lendingCore, requestInput, seedScan } from './seed';

async function pdfOf(core: Awaited<ReturnType<typeof lendingCore>>['core'], session: string, id: number): Promise<string> {
  const got = await ok(core, session, 'document.get', { id });
  expect(got.info.mime).toBe('application/pdf');
  return savePdf(Buffer.from(got.base64, 'base64'));
}

describe('lending documents', () => {
  it('prints the approval form, a reminder when overdue, and the register as PDF and .xlsx with the right times', async () => {
    const { core, files, later } = await lendingCore();
    const [a] = files;
    if (!a) throw new Error('seed');
    const req = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo]));
    await ok(core, 's', 'lending.approve', { id: req.id, opinion: '同意借阅一周' });
    await ok(core, 'c', 'lending.checkout', { requestId: req.id, archiveNos: [a.archiveNo], due: '2026-11-23' });
    expect((await fails(core, 'c', 'lending.reminder', { requestId: req.id })).message).toContain('没有逾期未还');
    await later(3, ['c', 's', 'i']); // 2026-11-24 16:00 CST: one day overdue
    const reminder = await ok(core, 'c', 'lending.reminder', { requestId: req.id });
    const reminderText = squash(pdfText(await pdfOf(core, 'c', reminder.id)));
    expect(reminderText).toContain('档案催还通知');
    expect(reminderText).toContain(a.archiveNo);
    expect(reminderText).toContain('城关街道社保所');
    await ok(core, 'c', 'lending.return', { requestId: req.id, condition: '完好', returnedBy: '周经办' });

    const form = await ok(core, 'c', 'lending.form', { requestId: req.id });
    expect(form.kind).toBe('lending_form');
    const formText = squash(pdfText(await pdfOf(core, 'c', form.id)));
    // The form prints local times in its own style (2026年11月21日16:00).
    for (const s of [req.requestNo, '周经办', '张主管', '同意借阅一周', a.archiveNo, '借出时间2026年11月21日16:00', '归还时间2026年11月24日16:00', '归还状况完好']) expect(formText).toContain(s);
    const detail = await ok(core, 'c', 'lending.request.get', { id: req.id });
    expect(detail.documents.map((d) => d.kind).sort()).toEqual(['lending_form', 'lending_reminder']);
    expect(detail.history.map((h) => h.action)).toContain('lending.form');

    const out = tempDir();
    const pdf = await ok(core, 's', 'lending.register', { from: '2026-11-01', to: '2026-11-30', format: 'pdf' });
    expect(pdf.file).toBeNull();
    const regFile = await pdfOf(core, 's', pdf.document.id);
    expect(pdfInfo(regFile).size).toMatch(/^841\.\d+ x 595\.\d+/); // A4 landscape
    const regText = squash(pdfText(regFile));
    for (const s of ['查借阅登记簿', req.requestNo, '城关街道社保所', '周经办', '张主管', '2026-11-2116:00', '2026-11-2416:00', '张三', a.archiveNo, a.idNumber]) expect(regText).toContain(s);

    const xlsxPath = path.join(out, '登记簿.xlsx');
    const xlsx = await ok(core, 'c', 'lending.register', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx', toPath: xlsxPath });
    expect(xlsx.file).toBe(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.getWorksheet('查借阅登记簿');
    expect(ws?.getRow(2).getCell(2).value).toBe('申请单号');
    const row = ws?.getRow(3);
    expect(row?.getCell(1).value).toBe('2026-11-21 16:00');
    expect(row?.getCell(2).value).toBe(req.requestNo);
    expect(String(row?.getCell(8).value)).toContain('张主管 2026-11-21 16:00');
    expect(row?.getCell(11).value).toBe('2026-11-24 16:00');
    expect(row?.getCell(12).value).toBe('周经办');
    expect(String(row?.getCell(7).value)).toContain(a.archiveNo);
    // An empty period is an empty register, not an error; the same path twice is refused.
    const empty = await ok(core, 'c', 'lending.register', { from: '2026-10-01', to: '2026-10-31', format: 'xlsx' });
    expect(empty.document.title).toContain('2026-10-01');
    expect((await fails(core, 'c', 'lending.register', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx', toPath: xlsxPath })).code).toBe('CONFLICT');
    expect((await fails(core, 'c', 'lending.register', { from: '2026-11-30', to: '2026-11-01' })).code).toBe('VALIDATION');
    expect((await fails(core, 'i', 'lending.register', { from: '2026-11-01', to: '2026-11-30' })).code).toBe('FORBIDDEN');
    await core.close();
  });

  it('makes a watermarked, certified copy of approved pages only', async () => {
    const { core, files, store } = await lendingCore();
    const [a] = files;
    if (!a) throw new Error('seed');
    const { pageIds } = await seedScan(store, a.personId, ['1', '9', '9']);
    const req = await ok(core, 'c', 'lending.request.create', requestInput([], { type: '复制', purpose: '劳资人事证明', files: [{ archiveNo: a.archiveNo, classes: ['9'] }] }));
    await ok(core, 's', 'lending.approve', { id: req.id });
    const copy = await ok(core, 'c', 'lending.copy', { requestId: req.id, pageIds: [pageIds[1] ?? 0, pageIds[2] ?? 0] });
    const file = await pdfOf(core, 'c', copy.id);
    expect(pdfInfo(file).pages).toBe(2);
    const text = squash(pdfText(file));
    expect(text).toContain('与馆藏档案原件一致');
    expect(text).toContain(req.requestNo);
    expect((await fails(core, 'c', 'lending.copy', { requestId: req.id, pageIds: [pageIds[0] ?? 0] })).message).toContain('属于第 1 类');
    expect(store.get<{ n: number }>("SELECT count(*) AS n FROM lending_views WHERE kind = 'copy'")?.n).toBe(2);
    await core.close();
  });

  it('transfers files out: status, 转递通知单 with this archive as sender, receipt awaited in the shared list', async () => {
    const { core, files, store } = await lendingCore();
    const [a, b, c] = files;
    if (!a || !b || !c) throw new Error('seed');
    await ok(core, 's', 'lending.settings.update', { archiveUnit: '城关街道退休人员档案室' });
    const loan = await ok(core, 'c', 'lending.request.create', requestInput([c.archiveNo]));
    await ok(core, 's', 'lending.approve', { id: loan.id });
    await ok(core, 'c', 'lending.checkout', { requestId: loan.id, archiveNos: [c.archiveNo], due: '2026-11-22' });
    expect((await fails(core, 's', 'transfer.create', { archiveNos: [c.archiveNo], receiverUnit: '某市人才交流中心', sentOn: '2026-11-21' })).message).toContain('已借出');
    expect((await fails(core, 'c', 'transfer.create', { archiveNos: [a.archiveNo], receiverUnit: '某市人才交流中心', sentOn: '2026-11-21' })).code).toBe('FORBIDDEN');

    const t = await ok(core, 's', 'transfer.create', { archiveNos: [b.archiveNo, a.archiveNo], receiverUnit: '某市人才交流中心', sentOn: '2026-11-21' });
    expect(t).toMatchObject({ transferNo: 'ZC2026-0001', persons: 2, volumes: 4, firstNo: a.archiveNo, lastNo: b.archiveNo, names: ['张三', '李四'], handledBy: '张主管', receiptReturnedOn: null });
    expect(store.all<{ status: string }>('SELECT status FROM archive_files WHERE id IN (?, ?)', [a.fileId, b.fileId]).map((r) => r.status)).toEqual(['transferred_out', 'transferred_out']);
    const receipt = store.get<{ kind: string; counterparty: string; persons: number; returned_on: string | null; document_id: number }>(
      "SELECT kind, counterparty, persons, returned_on, document_id FROM receipts WHERE kind = 'transfer_out' AND ref_id = ?",
      [t.id],
    );
    expect(receipt).toMatchObject({ kind: 'transfer_out', counterparty: '某市人才交流中心', persons: 2, returned_on: null, document_id: t.documentId });
    const text = squash(pdfText(await pdfOf(core, 's', t.documentId ?? 0)));
    for (const s of ['某市人才交流中心', '城关街道退休人员档案室', '张三', a.archiveNo, b.archiveNo, 'ZC2026-0001']) expect(text).toContain(s);
    expect((await ok(core, 'c', 'transfer.list', {})).rows.map((x) => x.transferNo)).toEqual(['ZC2026-0001']);
    expect((await fails(core, 's', 'transfer.create', { archiveNos: [a.archiveNo], receiverUnit: 'x', sentOn: '2026-11-21' })).message).toContain('已转出本馆');
    expect((await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo]))).message).toContain('已转出本馆');
    expect(fs.existsSync(tempDir())).toBe(true);
    await core.close();
  });
});
