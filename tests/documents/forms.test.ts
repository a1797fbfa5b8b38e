import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderImagePages, renderInspection, renderLendingForm, type InspectionDoc, type LendingFormDoc } from '../../electron/services/documents';
import { pdfFonts, pdfInfo, pdfText, renderAllQuietly, savePdf, squash } from './poppler';

const CODES = ['ID_CHECKSUM', 'PAGE_COUNT_MISMATCH', 'PAGE_SEQUENCE_GAP', 'DUPLICATE_IMAGE'];
const inspectionDoc = (kind: 'pass' | 'return', n: number): InspectionDoc => ({
  kind,
  archiveUnit: '长沙市雨花区人力资源和社会保障局档案室',
  enterprise: '湖南湘江机械制造有限责任公司',
  batchNo: 'JS-2026-0042',
  deliveredBy: '刘送达',
  deliveredOn: '2026-11-18',
  inspectedBy: '赵检验',
  inspectedOn: '2026-11-20',
  persons: 100,
  volumes: 112,
  pages: 8650,
  findings: Array.from({ length: n }, (_, i) => ({
    person: i % 4 ? `王建国${i}` : '欧阳晓明',
    idNumber: '43010219550101123X',
    code: CODES[i % 4] ?? '',
    severity: (['error', 'warning', 'info'] as const)[i % 3] ?? 'info',
    message: `名册登记页数为 86 页，数字副本实有 84 页，相差 2 页（第 ${i + 1} 项）。`,
    resolution: i % 2 ? '已收到书面说明' : '',
  })),
  conclusion: kind === 'pass' ? '经检验，本批档案合格，准予接收。' : '请于 30 日内按上列问题重新整理后再行移交。',
});

describe('质量检验报告 / 退回通知', () => {
  it('lists every finding with its severity in Chinese, the counts and the conclusion', async () => {
    const file = savePdf(await renderInspection(inspectionDoc('return', 40)));
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    const t = squash(pdfText(file));
    expect(t).toContain('档案退回通知');
    expect(t).toContain('移交单位：湖南湘江机械制造有限责任公司');
    expect(t).toContain(squash('本批移交档案共 100 人、112 卷、8650 页。检验发现问题 40 项（错误 14 项、警告 13 项、提示 13 项），其中已处理 20 项，未处理 20 项。'));
    for (let i = 1; i <= 40; i++) expect(t).toContain(`（第${i}项）`);
    for (const s of ['错误', '警告', '提示', '已收到书面说明', '未处理', 'ID_CHECKSUM', '退回原因及整改要求：', '请于30日内按上列问题重新整理后再行移交。', '移交单位签收人（签名）']) expect(t).toContain(s);
    // The table header repeats on every page that carries findings.
    for (let p = 1; p <= info.pages; p++) {
      const page = squash(pdfText(file, { page: p }));
      if (/（第\d+项）/.test(page)) expect(page).toContain('问题说明');
    }
    for (const f of pdfFonts(file)) expect(f).toMatchObject({ emb: true, sub: true });
    expect(renderAllQuietly(file)).toBe(info.pages);
  });

  it('prints a pass report with no findings on one page', async () => {
    const file = savePdf(await renderInspection(inspectionDoc('pass', 0)));
    expect(pdfInfo(file).pages).toBe(1);
    const t = squash(pdfText(file));
    for (const s of ['档案质量检验合格报告', '未发现问题。', '检验结论：', '经检验，本批档案合格，准予接收。', '接收单位（盖章）']) expect(t).toContain(s);
    expect(t).not.toContain('退回');
  });
});

const lending: LendingFormDoc = {
  requestNo: 'JY-2026-0007',
  type: '借阅',
  purpose: '遗产公证：核实当事人退休时间及连续工龄',
  unit: '长沙市公证处',
  letterNo: '长公函〔2026〕15号',
  readers: [
    { name: '李明', idNumber: '430102198001011234', unit: '长沙市公证处', post: '公证员', political: '中共党员', contact: '13800000000' },
    { name: '周哲', idNumber: '430102198502022345', unit: '长沙市公证处', post: '助理', political: '群众', contact: '13900000000' },
  ],
  files: [{ archiveNo: 'CCSRS-0102-003-0001', name: '王建国', idNumber: '43010219550101123X', scope: '第9类 工资、退休材料' }],
  period: '2026-11-22 至 2026-11-29',
  enteredBy: '钱档案员',
  enteredAt: '2026-11-22T09:30:00',
  approvals: [
    { level: '科室负责人', by: '赵主管', at: '2026-11-22T10:00:00', decision: '同意', opinion: '按规定借阅，7 日内归还。' },
    { level: '分管领导', by: '孙局长', at: '2026-11-22T11:15:00', decision: '同意', opinion: '' },
  ],
  checkout: { by: '钱档案员', at: '2026-11-22T14:05:00', due: '2026-11-29' },
  returned: { by: '李明', at: '2026-11-27T16:20:00', condition: '完好' },
};

describe('查（借）阅审批表', () => {
  it('prints the bordered form with readers, files, approvals and the loan registration', async () => {
    const file = savePdf(await renderLendingForm(lending));
    expect(pdfInfo(file).pages).toBe(1);
    const t = squash(pdfText(file));
    for (const s of [
      '查（借）阅审批表', '编号：JY-2026-0007', '申请单位', '长沙市公证处', '介绍信编号', '长公函〔2026〕15号', '查（借）阅人信息',
      '李明', '周哲', '430102198502022345', '政治面貌', '中共党员', '所查（借）档案', 'CCSRS-0102-003-0001', '第9类工资、退休材料',
      '查借阅目的', '遗产公证：核实当事人退休时间及连续工龄', '科室负责人意见', '同意：按规定借阅，7日内归还。', '签名：赵主管',
      '日期：2026年11月22日10:00', '分管领导意见', '签名：孙局长', '借出与归还登记', '2026年11月22日14:05', '2026年11月29日',
      '2026年11月27日16:20', '完好',
    ]) expect(t).toContain(s);
  });

  it('leaves blanks to fill by hand when nothing is approved or lent yet', async () => {
    const file = savePdf(await renderLendingForm({ ...lending, approvals: [], checkout: null, returned: null }));
    const t = squash(pdfText(file));
    expect(t).toContain('审批意见');
    expect(pdfText(file, { layout: true })).toMatch(/签名：\s+日期：\s+年\s+月\s+日/);
    expect(t).not.toContain('完好');
  });
});

describe('watermarked copies', () => {
  it('puts each page image on its own A4 page, landscape for wide images, with watermark and footer', async () => {
    const page = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#f4f1e8' } }).jpeg({ quality: 60 }).toBuffer();
    const portrait = await page(1240, 1754);
    const wide = await page(1754, 1240);
    const bytes = await renderImagePages({
      pages: [
        { jpeg: portrait, widthPx: 1240, heightPx: 1754, dpi: 150 },
        { jpeg: wide, widthPx: 1754, heightPx: 1240, dpi: 150 },
      ],
      watermark: '查阅人 李明 2026-11-22 JY-2026-0007',
      footer: '本复制件与档案原件一致',
    });
    const file = savePdf(bytes);
    const info = pdfInfo(file);
    expect(info.sizes).toEqual(['595.28 x 841.89', '841.89 x 595.28']);
    // The rotated watermark reads back interleaved with the footer, so check the parts.
    const second = squash(pdfText(file, { page: 2 }));
    expect(second).toContain('本复制件与档案原件一致');
    expect(second).toContain('第2页共2页');
    expect(renderAllQuietly(file)).toBe(2);
    await expect(renderImagePages({ pages: [{ jpeg: new Uint8Array([1, 2, 3, 4]), widthPx: 10, heightPx: 10, dpi: 300 }], watermark: 'x', footer: 'y' })).rejects.toThrow(/第 1 页的图像不是 JPEG/);
    await expect(renderImagePages({ pages: [], watermark: 'x', footer: 'y' })).rejects.toThrow(/没有要输出的页面/);
  });
});
