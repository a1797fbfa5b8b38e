/**
 * The whole desk flow on a generated delivery (roster + digital copy): register, import the roster,
 * check the package in the background, count at the desk, accept — persons, numbers, documents,
 * receipt — and the digital copies imported as viewable pages (idempotent when re-run).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateDelivery } from '../../bench/fixtures/deliveryGenerator';
import { FILE_LIST_HEADERS } from '../../electron/services/domain/intake/documents';
import { fails, ok, testClock } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { countAll, intakeDesk, newBatch, waitJob } from './intakeFixtures';

describe('intake batch flow with digital copies', () => {
  it('checks, accepts and imports a clean delivery', async () => {
    const clock = testClock('2026-11-21T08:00:00.000Z');
    const { core } = await intakeDesk({ clock });
    const d = await generateDelivery({ dir: tempDir(), persons: 3, pages: [3, 4], width: 800, defects: [], concurrency: 2 });
    // One person's first page delivered as TIFF (accepted format; stored as JPEG).
    const p0 = d.persons[0] as (typeof d.persons)[number];
    const folder0 = path.join(d.packageDir, p0.folder as string);
    const first = fs.readdirSync(folder0).filter((f) => f.endsWith('.jpg')).sort()[0] as string;
    const tiff = await sharp(fs.readFileSync(path.join(folder0, first))).withMetadata({ density: 300 }).tiff({ compression: 'lzw' }).toBuffer();
    fs.writeFileSync(path.join(folder0, first.replace(/\.jpg$/, '.tif')), tiff);
    fs.rmSync(path.join(folder0, first));

    const batch = await newBatch(core);
    const preview = await ok(core, 'desk', 'intake.roster.preview', { batchId: batch.id, file: d.rosterFile });
    expect(preview).toMatchObject({ format: 'xlsx', rowCount: 3, ambiguous: false });
    expect(preview.rows[0]?.idNumber).toBe(p0.idNumber);
    await ok(core, 'desk', 'intake.roster.import', { batchId: batch.id, file: d.rosterFile });
    // A check before choosing a folder, or on a folder that does not exist, says what to do.
    expect((await fails(core, 'desk', 'intake.check.start', { batchId: batch.id })).message).toMatch(/请选择/);
    expect((await fails(core, 'desk', 'intake.check.start', { batchId: batch.id, packageDir: path.join(d.packageDir, 'nope') })).message).toMatch(/无法读取数字副本文件夹/);

    const { jobId } = await ok(core, 'desk', 'intake.check.start', { batchId: batch.id, packageDir: d.packageDir });
    const job = await waitJob(core, 'desk', jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'check', batchId: batch.id });
    expect(job.message).toMatch(/3 人、\d+ 页/);
    expect(await ok(core, 'desk', 'intake.finding.list', { batchId: batch.id })).toEqual([]);
    expect((await ok(core, 'desk', 'intake.batch.get', { id: batch.id })).batch).toMatchObject({ status: 'checking', packageDir: d.packageDir });

    await countAll(core, batch.id);
    const accepted = await ok(core, 'desk', 'intake.batch.accept', { batchId: batch.id });
    expect(accepted.files.map((f) => f.archiveNo)).toEqual(['CCSRS-01-001-0001', 'CCSRS-01-001-0002', 'CCSRS-01-001-0003']);
    expect(accepted.files.map((f) => f.idNumber)).toEqual(d.persons.map((p) => p.idNumber));
    expect(accepted.documentProblems).toEqual([]);
    expect(accepted.documents.map((x) => x.kind).sort()).toEqual(['intake.filelist', 'intake.inspection.pass', 'intake.receipt']);
    const receiptDoc = await ok(core, 'desk', 'document.get', { id: accepted.documents.find((x) => x.kind === 'intake.receipt')?.id ?? 0 });
    const receiptPdf = path.join(tempDir(), 'receipt.pdf');
    fs.writeFileSync(receiptPdf, Buffer.from(receiptDoc.base64, 'base64'));
    const receiptText = execFileSync('pdftotext', [receiptPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(receiptText).toContain('CCSRS-01-001-0001');
    expect(receiptText).toContain('CCSRS-01-001-0003');
    expect(receiptText).toContain('某某机械厂');
    // 案卷目录 .xlsx: the official columns, one row per file in number order.
    const listDoc = await ok(core, 'desk', 'document.get', { id: accepted.documents.find((x) => x.kind === 'intake.filelist')?.id ?? 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(listDoc.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const row = (r: number) => ((sheet?.getRow(r).values ?? []) as unknown[]).slice(1);
    expect(row(1)).toEqual([...FILE_LIST_HEADERS]);
    expect(row(2).slice(0, 4)).toEqual(['CCSRS-01-001-0001', p0.name, p0.idNumber.charCodeAt(16) % 2 === 1 ? '男' : '女', p0.idNumber]);
    expect(row(4)[0]).toBe('CCSRS-01-001-0003');

    // The digital copies arrive in the background, viewable like pages scanned here.
    const imported = await waitJob(core, 'desk', accepted.importJobId as string);
    expect(imported).toMatchObject({ state: 'done', failed: 0 });
    const files = await ok(core, 'desk', 'intake.batch.files', { batchId: batch.id });
    // Every image is stored (blank sides too: shown in the strip, not counted).
    const imagesOf = (p: (typeof d.persons)[number]) => fs.readdirSync(path.join(d.packageDir, p.folder as string)).filter((f) => /\.(jpg|tif)$/.test(f)).length;
    expect(files.map((f) => f.digitalPages)).toEqual(d.persons.map(imagesOf));
    const vols = await ok(core, 'desk', 'volume.list', { personId: files[0]?.personId as number });
    expect(vols).toHaveLength(1);
    expect(vols[0]).toMatchObject({ archiveNo: 'CCSRS-01-001-0001', status: 'accepted' });
    const strip = await ok(core, 'desk', 'page.list', { volumeId: vols[0]?.id as number });
    expect(strip.pages).toHaveLength(p0.pages);
    expect(strip.pages[0]?.dpi).toBe(300);
    const thumb = await ok(core, 'desk', 'page.image', { pageId: strip.pages[0]?.id as number, variant: 'thumb' });
    expect(thumb.mime).toBe('image/jpeg');
    expect((await sharp(Buffer.from(thumb.base64, 'base64')).metadata()).width).toBeLessThanOrEqual(240);
    // Person 2 had a blank side: stored, shown, not counted.
    const vols2 = await ok(core, 'desk', 'volume.list', { personId: files[2]?.personId as number });
    const strip2 = await ok(core, 'desk', 'page.list', { volumeId: vols2[0]?.id as number });
    expect(strip2.pages.filter((p) => p.kind === 'blank')).toHaveLength(1);
    expect(strip2.pageCount).toBe(d.persons[2]?.pages);
    // Person 1 came with an item list: its rows became 卷内目录 entries.
    const vols1 = await ok(core, 'desk', 'volume.list', { personId: files[1]?.personId as number });
    const items = await ok(core, 'desk', 'item.list', { volumeId: vols1[0]?.id as number });
    expect(items.length).toBeGreaterThan(0);
    expect(items.reduce((n, it) => n + it.pages, 0)).toBe(d.persons[1]?.pages);

    // Re-running the import stores nothing twice.
    const again = await ok(core, 'desk', 'intake.copies.import', { batchId: batch.id });
    const rerun = await waitJob(core, 'desk', again.jobId);
    expect(rerun.message).toMatch(/存入 0 页/);
    expect((await ok(core, 'desk', 'page.list', { volumeId: vols[0]?.id as number })).pages).toHaveLength(p0.pages);

    // The receipt is awaited back; after more than a calendar month it is overdue.
    let receipts = await ok(core, 'desk', 'receipt.list', { open: true });
    expect(receipts.rows).toHaveLength(1);
    expect(receipts.rows[0]).toMatchObject({ counterparty: '某某机械厂', persons: 3, volumes: 3, numberRange: 'CCSRS-01-001-0001 至 CCSRS-01-001-0003', overdue: false, reference: batch.batchNo });
    clock.advance(30 * 86_400_000); // 2026-12-21: exactly one month, not yet overdue
    await ok(core, 'desk', 'session.unlock', { password: 'desk-password' }); // idle lock after a month away
    expect((await ok(core, 'desk', 'receipt.list', { open: true })).rows[0]?.overdue).toBe(false);
    clock.advance(86_400_000);
    await ok(core, 'desk', 'session.unlock', { password: 'desk-password' });
    receipts = await ok(core, 'desk', 'receipt.list', { open: true });
    expect(receipts).toMatchObject({ overdue: 1 });
    expect(receipts.rows[0]).toMatchObject({ overdue: true, daysOutstanding: 31 });
    expect((await fails(core, 'desk', 'receipt.markReturned', { id: receipts.rows[0]?.id as number, returnedOn: '2026-11-01' })).message).toMatch(/不能早于发出日期/);
    await ok(core, 'desk', 'receipt.markReturned', { id: receipts.rows[0]?.id as number, returnedOn: '2026-12-22', note: '回执已收到' });
    expect((await ok(core, 'desk', 'receipt.list', { open: true })).rows).toEqual([]);
    expect((await ok(core, 'desk', 'receipt.list', {})).rows[0]).toMatchObject({ returnedOn: '2026-12-22', overdue: false });
    await core.close();
  }, 120_000);
});
