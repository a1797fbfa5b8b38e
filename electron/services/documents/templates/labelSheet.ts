/**
 * Spine and box labels on A4 label sheets: the grid (columns × rows, margins, gaps, label size in mm)
 * is the caller's, matching the sheets in the drawer. Each label: the archive number large, the QR
 * code at the side, name, community, 第 n 卷 共 m 卷, and the Code 128 barcode across the foot where
 * it gets the widest bars. `skip` leaves the used cells of a partly used first sheet empty.
 */
import { AppError } from '../../../../shared/errors';
import { A4_MM, DocBuilder, PT_PER_MM, type Page } from '../pdf/canvas';
import { drawCode128, drawQr } from '../pdf/barcodes';
import { MM_PER_PT } from '../pdf/flow';
import { textWidth } from '../pdf/text';
import type { FileLabel, LabelGrid, LabelSheetDoc } from '../types';

function checkGrid(g: LabelGrid, skip: number, count: number): void {
  const bad = (why: string) => new AppError('VALIDATION', `标签版式不正确：${why}。请按标签纸的实际尺寸修改版式后重试。`);
  if (!(g.columns >= 1 && g.rows >= 1 && Number.isInteger(g.columns) && Number.isInteger(g.rows))) throw bad('列数和行数须为正整数');
  if (!(g.labelWidthMm >= 20 && g.labelHeightMm >= 12)) throw bad('标签至少需 20 × 12 毫米才能印下条码');
  if ([g.marginTopMm, g.marginLeftMm, g.gapXMm, g.gapYMm].some((v) => !(v >= 0))) throw bad('边距和间距不能为负数');
  const w = g.marginLeftMm + g.columns * g.labelWidthMm + (g.columns - 1) * g.gapXMm;
  const h = g.marginTopMm + g.rows * g.labelHeightMm + (g.rows - 1) * g.gapYMm;
  if (w > A4_MM.w + 0.5) throw bad(`${g.columns} 列标签共宽 ${w.toFixed(1)} 毫米，超出 A4 纸宽 210 毫米`);
  if (h > A4_MM.h + 0.5) throw bad(`${g.rows} 行标签共高 ${h.toFixed(1)} 毫米，超出 A4 纸高 297 毫米`);
  if (!Number.isInteger(skip) || skip < 0 || skip >= g.columns * g.rows) throw bad(`跳过的格数应在 0 到 ${g.columns * g.rows - 1} 之间`);
  if (count === 0) throw new AppError('VALIDATION', '没有要打印的标签。请先选择案卷。');
}

/** Largest size ≤ max at which `s` fits in `w` mm. */
const fitSize = (s: string, w: number, max: number, min = 5): number => Math.max(min, Math.min(max, (w * PT_PER_MM) / Math.max(0.1, textWidth(s, 1))));

function drawLabel(p: Page, l: FileLabel, x: number, y: number, w: number, h: number): void {
  const pad = Math.min(2.5, w * 0.04, h * 0.06);
  const barH = Math.max(5, Math.min(15, h * 0.27));
  const upperH = h - 2 * pad - barH - 1;
  const innerW = w - 2 * pad;
  const q = Math.max(0, Math.min(upperH, innerW * 0.38));
  const textW = innerW - q - 1.5;
  const lines = [
    { s: l.archiveNo, size: fitSize(l.archiveNo, textW, 16) },
    { s: l.name, size: fitSize(l.name, textW, 13) },
    { s: l.community, size: fitSize(l.community, textW, 9) },
    { s: `第 ${l.volumeNo} 卷  共 ${l.volumes} 卷`, size: fitSize(`第 ${l.volumeNo} 卷  共 ${l.volumes} 卷`, textW, 9) },
  ];
  const need = lines.reduce((s, t) => s + t.size * 1.25 * MM_PER_PT, 0);
  const k = need > upperH ? upperH / need : 1;
  let ty = y + pad;
  for (const t of lines) {
    const size = t.size * k;
    ty += size * 1.25 * MM_PER_PT;
    p.text(t.s, x + pad, ty - 0.28 * size * MM_PER_PT, size);
  }
  if (q > 4) drawQr(p, l.archiveNo, x + w - pad - q, y + pad, q);
  drawCode128(p, l.archiveNo, x + pad, y + h - pad - barH, innerW, barH);
}

export async function labelSheet(d: LabelSheetDoc): Promise<Uint8Array> {
  const g = d.grid;
  checkGrid(g, d.skip, d.labels.length);
  const doc = new DocBuilder(`${d.kind === 'spine' ? '脊背标签' : '档案盒标签'}（${d.labels.length} 张）`);
  const perPage = g.columns * g.rows;
  let page: Page | null = null;
  d.labels.forEach((l, i) => {
    const cell = (i + d.skip) % perPage;
    if (cell === 0 || page === null) page = doc.addPage();
    const col = cell % g.columns;
    const row = Math.floor(cell / g.columns);
    drawLabel(page, l, g.marginLeftMm + col * (g.labelWidthMm + g.gapXMm), g.marginTopMm + row * (g.labelHeightMm + g.gapYMm), g.labelWidthMm, g.labelHeightMm);
  });
  return doc.toPdf();
}
