import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLabelSheet, renderShelfEndLabels, type FileLabel, type LabelGrid } from '../../electron/services/documents';
import { PATTERNS, code128BValues } from '../../electron/services/documents/barcode/code128';
import { tempDir } from '../helpers/temp';
import { readCode128Row, readQr } from './barcodeRead';
import { hasCommand, pdfFonts, pdfInfo, pdfText, renderGray, savePdf, squash } from './poppler';

const SPINE: LabelGrid = { columns: 3, rows: 8, marginTopMm: 8.5, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, labelWidthMm: 70, labelHeightMm: 35 };
const BOX: LabelGrid = { columns: 2, rows: 4, marginTopMm: 10, marginLeftMm: 5, gapXMm: 0, gapYMm: 2, labelWidthMm: 100, labelHeightMm: 68 };
const no = (i: number) => `CCSRS-0102-${String(3 + (i % 4)).padStart(3, '0')}-${String(i + 1).padStart(4, '0')}`;
const labels = (n: number): FileLabel[] =>
  Array.from({ length: n }, (_, i) => ({ archiveNo: no(i), name: i % 9 === 0 ? '欧阳晓明' : '王建国', community: '雨花区东塘街道砂子塘社区', volumeNo: 1 + (i % 2), volumes: 2 }));

const PX_PER_MM = 300 / 25.4;
function cellCrop(g: LabelGrid, cell: number) {
  const col = cell % g.columns;
  const row = Math.floor(cell / g.columns);
  return {
    x: (g.marginLeftMm + col * (g.labelWidthMm + g.gapXMm)) * PX_PER_MM,
    y: (g.marginTopMm + row * (g.labelHeightMm + g.gapYMm)) * PX_PER_MM,
    w: g.labelWidthMm * PX_PER_MM,
    h: g.labelHeightMm * PX_PER_MM,
  };
}

describe('Code 128 B encoder', () => {
  it('matches the symbol table and known check characters', () => {
    expect(PATTERNS).toHaveLength(107);
    expect(new Set(PATTERNS).size).toBe(107);
    PATTERNS.slice(0, 106).forEach((p) => {
      const w = [...p].map(Number);
      expect(w.reduce((a, b) => a + b, 0)).toBe(11);
      // Bars add up to an even number of modules, spaces to an odd number (the code's parity rule).
      expect(((w[0] ?? 0) + (w[2] ?? 0) + (w[4] ?? 0)) % 2).toBe(0);
    });
    expect(PATTERNS[104]).toBe('211214');
    expect(PATTERNS[106]).toBe('2331112');
    // The standard worked example: "PJJ123C" in set B has check value 55 (879 mod 103).
    expect(code128BValues('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
    expect(() => code128BValues('档案-0001')).toThrow(/无法印成条码/);
  });
});

describe('label sheets', () => {
  it('prints 240 spine labels on 3×8 sheets, skipping used cells, and every barcode reads back', async () => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const bytes = await renderLabelSheet({ kind: 'spine', grid: SPINE, labels: labels(240), skip: 2 });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const file = savePdf(bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBe(Math.ceil(242 / 24));
    expect(info.size).toBe('595.28 x 841.89');
    for (const f of pdfFonts(file)) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    const text = squash(pdfText(file));
    expect(text).toContain('欧阳晓明');
    expect(text).toContain('第2卷共2卷');
    console.info(`240 张脊背标签: ${info.pages} 页, ${bytes.byteLength} 字节, ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);

    // The skipped cells stay blank.
    for (const cell of [0, 1]) {
      const img = renderGray(file, 1, 100, { ...cellCrop(SPINE, cell), x: cellCrop(SPINE, cell).x / 3, y: cellCrop(SPINE, cell).y / 3, w: cellCrop(SPINE, cell).w / 3, h: cellCrop(SPINE, cell).h / 3 });
      expect(img.px.every((v) => v > 250)).toBe(true);
    }
    // Sample labels on the first and last sheets: QR and Code 128 decode to the archive number.
    for (const [page, cell, label] of [[1, 2, 0], [1, 13, 11], [1, 23, 21], [11, 1, 239]] as const) {
      const img = renderGray(file, page, 300, cellCrop(SPINE, cell));
      expect(readQr(img)).toBe(no(label));
      const rows = [0.72, 0.8, 0.88].map((f) => readCode128Row(img, Math.round(img.h * f)));
      expect(rows).toEqual([no(label), no(label), no(label)]);
    }
  });

  it('reads back with zbarimg where it is installed', async () => {
    const file = savePdf(await renderLabelSheet({ kind: 'box', grid: BOX, labels: labels(8), skip: 0 }));
    expect(pdfInfo(file).pages).toBe(1);
    const img = renderGray(file, 1, 300, cellCrop(BOX, 7));
    expect(readQr(img)).toBe(no(7));
    if (hasCommand('zbarimg')) {
      const dir = tempDir();
      execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', file, path.join(dir, 'p')]);
      expect(fs.existsSync(path.join(dir, 'p.png'))).toBe(true);
      const out = execFileSync('zbarimg', ['-q', path.join(dir, 'p.png')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      const found = out.trim().split('\n').sort();
      const want = Array.from({ length: 8 }, (_, i) => [`CODE-128:${no(i)}`, `QR-Code:${no(i)}`]).flat().sort();
      expect(found).toEqual(want);
    }
  });

  it('refuses a grid that does not fit on A4, a bad skip, or an archive number that cannot be a barcode', async () => {
    await expect(renderLabelSheet({ kind: 'spine', grid: { ...SPINE, columns: 4 }, labels: labels(1), skip: 0 })).rejects.toThrow(/超出 A4 纸宽/);
    await expect(renderLabelSheet({ kind: 'spine', grid: SPINE, labels: labels(1), skip: 24 })).rejects.toThrow(/跳过的格数应在 0 到 23 之间/);
    await expect(renderLabelSheet({ kind: 'spine', grid: SPINE, labels: [], skip: 0 })).rejects.toThrow(/没有要打印的标签/);
    await expect(renderLabelSheet({ kind: 'spine', grid: SPINE, labels: [{ ...labels(1)[0]!, archiveNo: '档案0001' }], skip: 0 })).rejects.toThrow(/档案0001/);
  });

  it('prints shelf-end labels two to a page with the place and the range', async () => {
    const file = savePdf(
      await renderShelfEndLabels([
        { place: '一号库房 第3列 A面', firstNo: 'CCSRS-0102-003-0001', lastNo: 'CCSRS-0102-003-0480', communities: ['砂子塘社区', '东塘社区'] },
        { place: '一号库房 第3列 B面', firstNo: 'CCSRS-0102-003-0481', lastNo: 'CCSRS-0102-004-0100', communities: ['左家塘社区'] },
        { place: '二号库房 第1列 A面', firstNo: 'CCSRS-0102-005-0001', lastNo: 'CCSRS-0102-005-0200', communities: [] },
      ]),
    );
    expect(pdfInfo(file).pages).toBe(2);
    const t = squash(pdfText(file));
    for (const s of ['一号库房第3列A面', '起：CCSRS-0102-003-0001', '止：CCSRS-0102-003-0480', '社区：砂子塘社区、东塘社区', '二号库房第1列A面']) expect(t).toContain(s);
    await expect(renderShelfEndLabels([])).rejects.toThrow(/没有要打印的架头标签/);
  });
});
