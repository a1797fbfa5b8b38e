/**
 * 架头标签: the card slid into the holder at the end of a compact-shelving row, two to an A4 page
 * (cut along the middle): the place in large type, the range of archive numbers held, the
 * communities, and the first number as Code 128 for a stocktaking start.
 */
import { AppError } from '../../../../shared/errors';
import { DocBuilder, PT_PER_MM, type Page } from '../pdf/canvas';
import { drawCode128 } from '../pdf/barcodes';
import { MM_PER_PT, alignX } from '../pdf/flow';
import { textWidth, wrapText } from '../pdf/text';
import type { ShelfEndLabel } from '../types';

const fit = (s: string, w: number, max: number): number => Math.max(8, Math.min(max, (w * PT_PER_MM) / Math.max(0.1, textWidth(s, 1))));

function card(p: Page, l: ShelfEndLabel, top: number): void {
  const x = 15;
  const w = p.w - 30;
  const h = 297 / 2 - 20;
  const y = top + 10;
  p.rect(x, y, w, h, { stroke: [0, 0, 0], width: 1.2 });
  const placeSize = fit(l.place, w - 16, 40);
  p.text(l.place, alignX(l.place, x, w, placeSize, 'center'), y + 10 + placeSize * MM_PER_PT, placeSize);
  let ty = y + 18 + placeSize * MM_PER_PT;
  p.line(x + 8, ty, x + w - 8, ty, 0.6);
  ty += 4;
  for (const s of [`起：${l.firstNo}`, `止：${l.lastNo}`]) {
    const size = fit(s, w - 16, 30);
    ty += size * 1.5 * MM_PER_PT;
    p.text(s, x + 8, ty, size);
  }
  const comm = l.communities.length ? `社区：${l.communities.join('、')}` : '';
  const lines = wrapText(comm, (w - 16) * PT_PER_MM, 16).slice(0, 3);
  for (const s of lines) {
    ty += 16 * 1.6 * MM_PER_PT;
    p.text(s, x + 8, ty, 16);
  }
  drawCode128(p, l.firstNo, x + w - 8 - 70, y + h - 16, 70, 11);
}

export async function shelfEndLabels(labels: ShelfEndLabel[]): Promise<Uint8Array> {
  if (labels.length === 0) throw new AppError('VALIDATION', '没有要打印的架头标签。请先选择密集架或列。');
  const doc = new DocBuilder(`架头标签（${labels.length} 张）`);
  labels.forEach((l, i) => {
    const page = i % 2 === 0 ? doc.addPage() : doc.pages[doc.pages.length - 1];
    if (!page) return;
    card(page, l, i % 2 === 0 ? 0 : 297 / 2);
    if (i % 2 === 0) page.line(5, 297 / 2, page.w - 5, 297 / 2, 0.4, [3, 2], [0.5, 0.5, 0.5]);
  });
  return doc.toPdf();
}
