/**
 * A clerk digitizes one volume end to end through the real core: import (with a blank, an
 * upside-down and a corrupt page), background OCR, the item list, export to a GB/T 33870-style
 * folder and a searchable PDF, and acceptance. The one OCR-heavy test of the suite.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { listBlobIds } from '../../electron/services/store/blobStore';
import { fails, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { blankPage, digitizationCore, textPage, waitJob, waitOcr, write } from './fixtures';

describe('digitizing a volume', () => {
  it('imports, OCRs, catalogues, exports and accepts a volume; intake may look but not change', async () => {
    const { core, person, workspaceDir } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'cadre', archiveNo: 'A01-0001' });
    expect(volume).toMatchObject({ volumeNo: 1, status: 'scanning', pageCount: 0, personName: '张三' });

    const src = tempDir();
    const upside = await sharp(await textPage({ title: 'WAGE RECORD', lines: ['Monthly wage 62 yuan', 'Approved 1980.7.1'], pageNo: 3 })).rotate(180).jpeg({ quality: 90 }).withMetadata({ density: 300 }).toBuffer();
    const goodJpeg = await sharp(await textPage({ title: 'EDUCATION', lines: ['Graduated 1955', 'Certificate 1955-07-01'], pageNo: 2 })).jpeg().toBuffer();
    const files = [
      write(src, 'page1.png', await textPage({ title: 'PERSONNEL RECORD', lines: ['Name Zhang San', 'Employer Dongfeng Works', 'Signed 1985.3.12'], pageNo: 1, red: true })),
      write(src, 'page2.jpg', goodJpeg),
      write(src, 'page3.png', await blankPage()),
      write(src, 'page4.jpg', upside),
      write(src, 'page5.jpg', goodJpeg.subarray(0, Math.floor(goodJpeg.length / 3))), // truncated in transfer
    ];
    const blobsBefore = listBlobIds(workspaceDir).length;

    // Written in reverse: the import sorts names naturally, as a person would.
    const { jobId } = await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files: [...files].reverse() });
    const job = await waitJob(core, 'clerk', jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'import', done: 4, failed: 1, total: 5 });
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0]?.source).toBe('page5.jpg');
    expect(job.errors[0]?.message).toMatch(/损坏|不完整/);

    const list = await waitOcr(core, 'clerk', volume.id);
    expect(list.pages.map((p) => p.source)).toEqual(['page1.png', 'page2.jpg', 'page3.png', 'page4.jpg']);
    expect(list.pages.map((p) => p.position)).toEqual([1, 2, 3, 4]);
    const [p1, p2, p3, p4] = list.pages as [(typeof list.pages)[0], (typeof list.pages)[0], (typeof list.pages)[0], (typeof list.pages)[0]];
    expect(p3).toMatchObject({ kind: 'blank', ocr: 'skipped' });
    expect(list.pageCount).toBe(3);
    expect(p4.rotation).toBe(180);
    expect(p1.colour).toBe(true); // red header kept in colour
    expect(p2.colour).toBe(false);
    expect([p1, p2, p4].map((p) => [p.ocr, p.printedNumber])).toEqual([['done', 1], ['done', 2], ['done', 3]]);
    expect(list.sequenceProblems).toEqual([]);
    expect(p1.dpi).toBe(300);
    expect(p1.hasOriginal).toBe(true);

    // The stored image is what the row says: a 300-dpi JPEG with that SHA-256, and no plaintext on disk.
    const full = await ok(core, 'clerk', 'page.image', { pageId: p4.id, variant: 'full' });
    const jpeg = Buffer.from(full.base64, 'base64');
    expect(full.mime).toBe('image/jpeg');
    expect((await sharp(jpeg).metadata()).density).toBe(300);
    expect(execFileSync('sha256sum', ['-'], { input: jpeg }).toString().slice(0, 64)).toBe(p4.sha256);
    const blobFiles = listBlobIds(workspaceDir).map((id) => fs.readFileSync(path.join(workspaceDir, 'blobs', id.slice(0, 2), id.slice(2))));
    expect(blobFiles.some((b) => b.includes(jpeg.subarray(0, 64)))).toBe(false);
    expect(listBlobIds(workspaceDir).length).toBeGreaterThan(blobsBefore);

    const text = await ok(core, 'clerk', 'page.text', { pageId: p4.id });
    expect(text.text).toContain('WAGE');
    expect(text.words.length).toBeGreaterThan(3);
    expect(await ok(core, 'clerk', 'item.suggest', { pageId: p1.id })).toEqual({ title: 'PERSONNEL RECORD', formedOn: '1985-03-12' });

    // Intake staff may look, not change.
    expect((await ok(core, 'intake', 'page.list', { volumeId: volume.id })).pageCount).toBe(3);
    expect((await fails(core, 'intake', 'page.rotate', { pageId: p1.id, degrees: 90 })).code).toBe('FORBIDDEN');
    expect((await fails(core, 'intake', 'item.save', { volumeId: volume.id, startPageId: p1.id, classCode: '1', title: 'x' })).code).toBe('FORBIDDEN');
    expect((await fails(core, 'intake', 'page.import', { volumeId: volume.id, files })).code).toBe('FORBIDDEN');
    expect((await fails(core, 'intake', 'volume.accept', { id: volume.id })).code).toBe('FORBIDDEN');

    // The item list: classes checked against the cadre scheme, 序号 and 页数 computed.
    expect((await fails(core, 'clerk', 'item.save', { volumeId: volume.id, startPageId: p1.id, classCode: '4', title: '学历' })).message).toContain('4-1');
    const first = await ok(core, 'clerk', 'item.save', { volumeId: volume.id, startPageId: p1.id, classCode: '1', title: '干部履历表', formedOn: '1985-03-12' });
    const second = await ok(core, 'clerk', 'item.save', { volumeId: volume.id, startPageId: p2.id, classCode: '4-1', title: '毕业证书' });
    const third = await ok(core, 'clerk', 'item.save', { volumeId: volume.id, startPageId: p4.id, classCode: '9-1', title: '工资审批表', note: '复印件' });
    const items = await ok(core, 'clerk', 'item.list', { volumeId: volume.id });
    expect(items.map((i) => [i.serial, i.pages])).toEqual([['1-1', 1], ['4-1-1', 1], ['9-1-1', 1]]); // the blank side is not counted
    expect(first.serial).toBe('1-1');
    expect(second.id).not.toBe(third.id);

    // Export: an archive number is required, and a previous export is never overwritten.
    const out = tempDir();
    const { jobId: exportId } = await ok(core, 'intake', 'volume.export', { id: volume.id, dir: out });
    const exported = await waitJob(core, 'intake', exportId);
    expect(exported.state).toBe('done');
    const folder = path.join(out, 'A01-0001');
    expect(exported.outputs).toEqual([folder, path.join(out, 'A01-0001.pdf')]);
    expect(fs.readdirSync(folder).sort()).toEqual(['A01-0001-0001.jpg', 'A01-0001-0002.jpg', 'A01-0001-0003.jpg', 'manifest-sha256.txt', '卷内目录.xlsx', '卷内目录.xml']);
    execFileSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], { cwd: folder });
    const manifest = fs.readFileSync(path.join(folder, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toMatch(/# 未计页（空白）：条带第 3 张，来源 page3\.png/);
    expect(fs.readFileSync(path.join(folder, 'A01-0001-0003.jpg')).equals(jpeg)).toBe(true); // page 4 of the strip is counted page 3

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(folder, '卷内目录.xlsx'));
    const rows = (wb.getWorksheet('卷内目录')?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['序号', '材料名称', '材料形成时间', '页数', '备注', '起始图像', '终止图像'],
      ['1-1', '干部履历表', '1985-03-12', 1, '', 'A01-0001-0001.jpg', 'A01-0001-0001.jpg'],
      ['4-1-1', '毕业证书', '', 1, '', 'A01-0001-0002.jpg', 'A01-0001-0002.jpg'],
      ['9-1-1', '工资审批表', '', 1, '复印件', 'A01-0001-0003.jpg', 'A01-0001-0003.jpg'],
    ]);
    const xml = fs.readFileSync(path.join(folder, '卷内目录.xml'), 'utf8');
    expect(xml).toContain('<图像 页号="3" 文件名="A01-0001-0003.jpg" 条目序号="9-1-1"');
    expect(xml).toContain('<页面 类型="空白" 条带位置="3" 来源="page3.png"');

    const pdfText = execFileSync('pdftotext', ['-layout', path.join(out, 'A01-0001.pdf'), '-']).toString();
    expect(pdfText).toMatch(/PERSONNEL\s+RECORD/);
    expect(pdfText).toMatch(/WAGE\s+RECORD/); // the upside-down page was turned before OCR
    expect(execFileSync('pdfinfo', [path.join(out, 'A01-0001.pdf')]).toString()).toMatch(/Pages:\s+3/);

    const again = await fails(core, 'clerk', 'volume.export', { id: volume.id, dir: out });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('不为空');

    // Acceptance drops the originals (the blob store shrinks) and locks the volume.
    const blobsBeforeAccept = listBlobIds(workspaceDir).length;
    const accepted = await ok(core, 'clerk', 'volume.accept', { id: volume.id });
    expect(accepted).toMatchObject({ status: 'accepted', pageCount: 3, stripCount: 4 });
    expect(listBlobIds(workspaceDir).length).toBe(blobsBeforeAccept - 4);
    expect((await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages.every((p) => !p.hasOriginal)).toBe(true);
    for (const refused of [
      await fails(core, 'clerk', 'page.rotate', { pageId: p1.id, degrees: 90 }),
      await fails(core, 'clerk', 'page.delete', { pageId: p2.id }),
      await fails(core, 'clerk', 'item.save', { volumeId: volume.id, startPageId: p3.id, classCode: '10', title: '其他' }),
      await fails(core, 'clerk', 'page.import', { volumeId: volume.id, files }),
    ]) {
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('已验收');
    }
    expect((await fails(core, 'clerk', 'page.image', { pageId: p1.id, variant: 'original' })).message).toContain('验收时删除');
    const log = await ok(core, 'admin', 'audit.list', { action: 'page.add' });
    expect(log.total).toBe(4);
    await core.close();
  });
});
