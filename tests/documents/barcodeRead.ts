/** Reads barcodes back from rendered pixels, the way a scanner would, for the label tests. */
import jsQR from 'jsqr';
import { PATTERNS } from '../../electron/services/documents/barcode/code128';

/** QR code in a greyscale image, or null. */
export function readQr(img: { w: number; h: number; px: Uint8Array }): string | null {
  const rgba = new Uint8ClampedArray(img.w * img.h * 4);
  for (let i = 0; i < img.px.length; i++) {
    const v = img.px[i] ?? 255;
    rgba.set([v, v, v, 255], i * 4);
  }
  return jsQR(rgba, img.w, img.h)?.data ?? null;
}

/**
 * Code 128 B along one pixel row: bar and space widths measured, scaled to modules by the symbol's
 * total width, matched against the symbol table; start B, check character and stop are verified.
 */
export function readCode128Row(img: { w: number; h: number; px: Uint8Array }, row: number): string | null {
  const line = img.px.subarray(row * img.w, (row + 1) * img.w);
  const runs: number[] = [];
  let dark = false;
  let len = 0;
  let started = false;
  for (const v of line) {
    const d = v < 128;
    if (!started) {
      if (!d) continue;
      started = true;
      dark = true;
      len = 0;
    }
    if (d === dark) len++;
    else {
      runs.push(len);
      dark = d;
      len = 1;
    }
  }
  if (dark) runs.push(len);
  // Drop the trailing light run (quiet zone) if any made it in.
  if (runs.length % 2 === 0) runs.pop();
  if (runs.length < 13 || (runs.length - 7) % 6 !== 0) return null;
  const symbols = (runs.length - 7) / 6;
  const unit = runs.reduce((a, b) => a + b, 0) / (symbols * 11 + 13);
  const widths = runs.map((r) => Math.max(1, Math.min(4, Math.round(r / unit))));
  const values: number[] = [];
  for (let s = 0; s < symbols; s++) {
    const v = PATTERNS.indexOf(widths.slice(s * 6, s * 6 + 6).join(''));
    if (v < 0) return null;
    values.push(v);
  }
  if (widths.slice(symbols * 6).join('') !== PATTERNS[106]) return null;
  const [start, ...rest] = values;
  const check = rest.pop();
  if (start !== 104 || check === undefined) return null;
  const sum = rest.reduce((acc, v, i) => acc + v * (i + 1), 104) % 103;
  if (sum !== check) return null;
  return String.fromCharCode(...rest.map((v) => v + 32));
}
