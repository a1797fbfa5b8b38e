import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTransferReceipt, type TransferReceiptDoc } from '../../electron/services/documents';
import { pdfFonts, pdfInfo, pdfText, renderAllQuietly, savePdf, squash } from './poppler';

const base: TransferReceiptDoc = {
  receiverUnit: '长沙市雨花区人力资源和社会保障局档案室',
  senderUnit: '湖南湘江机械制造有限责任公司',
  names: ['张三', '欧阳晓明', '李四'],
  persons: 100,
  volumes: 112,
  firstNo: 'CCSRS-0102-003-0001',
  lastNo: 'CCSRS-0102-003-0100',
  sentOn: '2026-11-20',
  receivedOn: null,
  reference: 'JS-2026-0042',
  withDigitalCopies: true,
};

describe('转递回执确认表', () => {
  it('prints both halves on one A4 page with the official wording, a small subset font and extractable text', async () => {
    const t0 = performance.now();
    const bytes = await renderTransferReceipt(base);
    const ms = performance.now() - t0;
    const file = savePdf(bytes, 'receipt.pdf');
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.size).toBe('595.28 x 841.89');
    expect(bytes.byteLength).toBeLessThan(150 * 1024);

    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    expect(fonts[0]?.name).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);

    const text = squash(pdfText(file));
    expect(text).toContain(squash('接收单位名称：长沙市雨花区人力资源和社会保障局档案室'));
    expect(text).toContain(
      squash('兹将 张三、欧阳晓明 等 100 名同志（112 册）档案材料（第 CCSRS-0102-003-0001 号至 CCSRS-0102-003-0100 号），包括以上档案配套的电子档案，转往你单位，请按《企业退休人员人事档案案卷目录》清点查收，并将回执退回至 湖南湘江机械制造有限责任公司。'),
    );
    for (const s of ['经办人（签名）', '移交单位（盖章）', '2026年11月20日', '-----沿此线剪开-----', '接收人（签名）', '接收单位（盖章）', '收到，经清点无误。']) expect(text).toContain(s);
    expect(text).toContain(squash('湖南湘江机械制造有限责任公司：你单位于 2026年11月20日 转来的'));
    expect(text).toContain('包括以上档案配套的电子档案，已于');
    // The third name is not printed: the form names the first two and counts the rest.
    expect(text).not.toContain('李四');

    // Positions matter: the cut line divides the page, and each half carries names, range and reference.
    const layout = pdfText(file, { layout: true });
    const [top = '', bottom = ''] = layout.split('沿此线剪开');
    for (const half of [top, bottom]) {
      const h = squash(half);
      for (const s of ['张三', '欧阳晓明', 'CCSRS-0102-003-0001', 'CCSRS-0102-003-0100', '100名同志（112册）', '编号：JS-2026-0042']) expect(h).toContain(s);
    }
    expect(squash(top)).toContain('转递通知');
    expect(squash(bottom)).toContain('转递回执');
    expect(renderAllQuietly(file)).toBe(1);
    console.info(`转递回执确认表: ${bytes.byteLength} 字节, ${ms.toFixed(0)} ms`);
  });

  it('fills the received date, leaves out the digital-copy line when there is none, and handles one person', async () => {
    const file = savePdf(await renderTransferReceipt({ ...base, names: ['王五'], persons: 1, volumes: 2, lastNo: base.firstNo, receivedOn: '2026-11-25', withDigitalCopies: false }));
    const text = squash(pdfText(file));
    expect(text).toContain(squash('兹将 王五 1 名同志（2 册）档案材料'));
    expect(text).not.toContain('等1名');
    expect(text).not.toContain('电子档案');
    expect(text).toContain('已于2026年11月25日收到，经清点无误。');
  });

  it('prints a name outside GB2312 from the full font and marks a character no font has with 〓', async () => {
    const bytes = await renderTransferReceipt({ ...base, names: ['王堃', '陈喆𠀀'] });
    const file = savePdf(bytes);
    const text = squash(pdfText(file));
    expect(text).toContain('王堃、陈喆〓等100名同志');
    const fonts = pdfFonts(file);
    expect(fonts).toHaveLength(2);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    expect(bytes.byteLength).toBeLessThan(150 * 1024);
    expect(renderAllQuietly(file)).toBe(1);
  });

  it('refuses incomplete data with a Chinese message instead of printing a wrong form', async () => {
    await expect(renderTransferReceipt({ ...base, receiverUnit: ' ', names: [] })).rejects.toThrow(/缺少接收单位名称、人员姓名/);
    await expect(renderTransferReceipt({ ...base, volumes: 0 })).rejects.toThrow(/卷数（0）/);
    await expect(renderTransferReceipt({ ...base, senderUnit: '很长的单位名称'.repeat(60) })).rejects.toThrow(/一页 A4 纸放不下/);
  });

  it('is deterministic apart from the creation time (a reprint is the same form)', async () => {
    const a = Buffer.from(await renderTransferReceipt(base)).toString('latin1');
    const b = Buffer.from(await renderTransferReceipt(base)).toString('latin1');
    const strip = (s: string) => s.replace(/\/(CreationDate|ModDate) \([^)]*\)/g, '');
    expect(strip(a)).toBe(strip(b));
    expect(fs.existsSync('/dev/null')).toBe(true);
  });
});
