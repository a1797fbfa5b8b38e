import { describe, expect, it } from 'vitest';
import { renderTableReport, type TableReportDoc } from '../../electron/services/documents';
import { pdfFonts, pdfInfo, pdfText, renderAllQuietly, renderGray, savePdf, squash } from './poppler';

const no = (i: number) => `CCSRS-0102-003-${String(i).padStart(4, '0')}`;
const SURNAMES = ['王', '李', '张', '刘', '陈', '欧阳', '司马', '诸葛'];

function fileList(rows: number): TableReportDoc {
  return {
    title: '企业退休人员人事档案案卷目录',
    subtitle: '接收批次 JS-2026-0042',
    fields: [
      { label: '移交单位', value: '湖南湘江机械制造有限责任公司' },
      { label: '接收日期', value: '2026年11月20日' },
      { label: '社区', value: '雨花区东塘街道砂子塘社区' },
      { label: '人数', value: String(rows) },
    ],
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '档案号', width: 4 },
      { title: '姓名', width: 2.5 },
      { title: '社会保障号码（身份证号）', width: 4 },
      { title: '卷数', width: 1, align: 'right' },
      { title: '备注', width: 4.5 },
    ],
    rows: Array.from({ length: rows }, (_, k) => {
      const i = k + 1;
      const name = i % 10 === 0 ? `${SURNAMES[i % 8]}爱新觉罗·毓嶦明德` : i % 10 === 3 ? '王堃喆昇' : `${SURNAMES[i % 8]}建国`;
      const remark = i % 7 === 0 ? '缺少1983年调动审批表，移交单位已出具书面说明，待补充原件后另行移交。' : '';
      return [String(i), no(i), name, `43010219550101${String(1000 + i).slice(-4)}`, String(1 + (i % 3)), remark];
    }),
    notes: ['注：本目录一式两份，移交单位与接收单位各执一份。'],
    signatures: ['移交人（签名）', '接收人（签名）'],
  };
}

describe('renderTableReport', () => {
  it('spans pages with the header repeated, wraps long cells, numbers pages and keeps every row', async () => {
    const bytes = await renderTableReport(fileList(120));
    const file = savePdf(bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.sizes.every((s) => s === '595.28 x 841.89')).toBe(true);
    for (let p = 1; p <= info.pages; p++) {
      const t = squash(pdfText(file, { page: p }));
      expect(t).toContain('社会保障号码（身份证号）');
      expect(t).toContain(`第${p}页共${info.pages}页`);
    }
    const all = squash(pdfText(file));
    for (let i = 1; i <= 120; i++) expect(all.split(no(i)).length - 1).toBe(1);
    expect(all).toContain('企业退休人员人事档案案卷目录');
    expect(all).toContain('移交单位：湖南湘江机械制造有限责任公司');
    // A wrapped cell reads back line by line (pdftotext interleaves the next column between lines).
    expect(all.split('缺少1983年调动审批表').length - 1).toBe(17);
    expect(all.split('待补充原件后另行移交。').length - 1).toBe(17);
    expect(all).toContain('王堃喆昇');
    const last = squash(pdfText(file, { page: info.pages }));
    expect(last).toContain('注：本目录一式两份');
    expect(last).toContain('接收人（签名）：');
    for (const f of pdfFonts(file)) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    expect(renderAllQuietly(file)).toBe(info.pages);
  });

  it('keeps archive numbers and names whole inside narrow cells', async () => {
    const file = savePdf(await renderTableReport(fileList(30)));
    const lines = pdfText(file, { layout: true }).split('\n');
    for (let i = 1; i <= 30; i++) expect(lines.some((l) => l.includes(no(i)))).toBe(true);
  });

  it('prints landscape with a faint watermark on every page', async () => {
    const plainDoc = { ...fileList(60), landscape: true };
    const plain = savePdf(await renderTableReport(plainDoc), 'plain.pdf');
    const marked = savePdf(await renderTableReport({ ...plainDoc, watermark: '查阅人 李明 2026-11-22 JY-2026-0007' }), 'marked.pdf');
    const info = pdfInfo(marked);
    expect(info.pages).toBe(pdfInfo(plain).pages);
    expect(info.sizes.every((s) => s === '841.89 x 595.28')).toBe(true);
    // Rotated text does not read back in order, so compare pixels: where the plain page is white,
    // the watermarked page is tinted over a good part of the page, and only faintly.
    for (let p = 1; p <= info.pages; p++) {
      const a = renderGray(plain, p, 30);
      const b = renderGray(marked, p, 30);
      expect(b.w).toBeGreaterThan(b.h);
      let tinted = 0;
      let white = 0;
      let darkest = 255;
      for (let i = 0; i < a.px.length; i++) {
        if (a.px[i] !== 255) continue;
        white++;
        const v = b.px[i] ?? 255;
        if (v < 250) tinted++;
        darkest = Math.min(darkest, v);
      }
      expect(tinted / white).toBeGreaterThan(0.01);
      expect(darkest).toBeGreaterThan(150);
    }
    expect(squash(pdfText(marked))).toContain('CCSRS-0102-003-0060');
  });

  it('prints an empty list as 无记录 and refuses a table without columns', async () => {
    const file = savePdf(await renderTableReport({ ...fileList(0), notes: [], signatures: [] }));
    expect(squash(pdfText(file))).toContain('（无记录）');
    expect(pdfInfo(file).pages).toBe(1);
    await expect(renderTableReport({ ...fileList(1), columns: [] })).rejects.toThrow(/没有任何列/);
    // Pasted data with tabs prints spaces, not missing-character marks.
    const tabbed = squash(pdfText(savePdf(await renderTableReport({ ...fileList(0), rows: [['1', 'A\tB', '王\t五', '', '', '']] }))));
    expect(tabbed).toContain('AB');
    expect(tabbed).not.toContain('〓');
  });

  it('renders a 1,000-row 查借阅登记簿 in landscape within seconds', async () => {
    const doc: TableReportDoc = {
      title: '查（借）阅登记簿',
      subtitle: '2026年1月1日至2026年12月31日',
      fields: [{ label: '档案室', value: '雨花区人力资源和社会保障局档案室' }],
      columns: ['日期', '查借阅单位', '事由', '查阅人', '档案号', '姓名', '审批人', '经办人', '归还时间'].map((title, i) => ({ title, width: [2, 4, 3, 2, 4, 2, 2, 2, 2.5][i] ?? 2 })),
      rows: Array.from({ length: 1000 }, (_, i) => ['2026-03-04', '长沙市公证处', '遗产公证', '李明', no(i + 1), '王建国', '赵主管', '钱档案员', '2026-03-04 16:20']),
      landscape: true,
      signatures: ['制表人（签名）'],
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const bytes = await renderTableReport(doc);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const file = savePdf(bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThan(20);
    expect(squash(pdfText(file, { page: info.pages }))).toContain(no(1000));
    expect(ms).toBeLessThan(20_000);
    console.info(`1000 行登记簿: ${info.pages} 页, ${bytes.byteLength} 字节, ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
  });
});
