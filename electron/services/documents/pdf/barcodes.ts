/** Barcodes placed on a page in millimetres, as vector rectangles. */
import { code128B } from '../barcode/code128';
import { qrRuns } from '../barcode/qr';
import type { Page } from './canvas';

/** Code 128 B filling `w` mm (quiet zones of 10 modules included inside `w`); returns the module width. */
export function drawCode128(p: Page, text: string, x: number, y: number, w: number, h: number): number {
  const { bars, modules } = code128B(text);
  const m = w / (modules + 20);
  p.bars(bars.map(([at, bw]) => [x + (10 + at) * m, y, bw * m, h]));
  return m;
}

/** QR code in a `size` mm square, quiet zone of 4 modules inside the square. */
export function drawQr(p: Page, text: string, x: number, y: number, size: number): void {
  const qr = qrRuns(text);
  const m = size / (qr.size + 8);
  p.bars(qr.runs.map(([r, c, len]) => [x + (4 + c) * m, y + (4 + r) * m, len * m, m]));
}
