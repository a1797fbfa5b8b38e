/**
 * Lending copies and certified extracts: each page image on its own A4 page (turned landscape for
 * landscape images), at its true size where it fits, with the reader's watermark across it and the
 * certification footer and page number below.
 */
import { AppError } from '../../../../shared/errors';
import { DocBuilder } from '../pdf/canvas';
import { alignX, watermark } from '../pdf/flow';
import type { ImagePagesDoc } from '../types';

const MARGIN = 10;
const FOOT = 14;

export async function imagePages(d: ImagePagesDoc): Promise<Uint8Array> {
  if (d.pages.length === 0) throw new AppError('VALIDATION', '没有要输出的页面。请先选择页面。');
  const doc = new DocBuilder('复制件');
  d.pages.forEach((img, i) => {
    const b = img.jpeg;
    if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw new AppError('VALIDATION', `第 ${i + 1} 页的图像不是 JPEG，无法输出复制件。请重新处理该页后再试。`);
    if (!(img.widthPx > 0 && img.heightPx > 0)) throw new AppError('VALIDATION', `第 ${i + 1} 页的图像尺寸无效。请重新处理该页后再试。`);
    const landscape = img.widthPx > img.heightPx;
    const p = doc.addPage(landscape);
    const dpi = img.dpi > 0 ? img.dpi : 300;
    const trueW = (img.widthPx / dpi) * 25.4;
    const trueH = (img.heightPx / dpi) * 25.4;
    const boxW = p.w - 2 * MARGIN;
    const boxH = p.h - MARGIN - FOOT;
    const k = Math.min(1, boxW / trueW, boxH / trueH);
    const w = trueW * k;
    const h = trueH * k;
    p.jpeg(b, (p.w - w) / 2, MARGIN + (boxH - h) / 2, w, h);
    watermark(p, d.watermark);
    const foot = `${d.footer}\u3000第 ${i + 1} 页 共 ${d.pages.length} 页`;
    p.text(foot, alignX(foot, 0, p.w, 9, 'center'), p.h - 6, 9);
  });
  return doc.toPdf();
}
