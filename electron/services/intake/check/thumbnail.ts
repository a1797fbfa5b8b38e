/**
 * Decodes a page at reduced scale. A baseline JPEG reduced 8× or more is read from its DC
 * coefficients alone (jpeg/dcImage.ts: an A4 300-dpi page becomes 310 px wide at about half the
 * cost of a reduced decode), then halved as needed. Everything else — TIFF, smaller reductions,
 * progressive or damaged JPEGs — goes through sharp: shrink-on-load, a linear reduction, grey.
 * Refuses images over the pixel limit either way.
 */
import sharp from 'sharp';
import { decodeJpegDc } from './jpeg/dcImage';
import type { Thumb } from './thumbAnalysis';

/** Smallest thumbnail width: ≈0.7–0.9 mm per pixel on an A4 page, enough for skew, blank and near-duplicates. */
export const MIN_THUMB_WIDTH = 240;

export interface DecodeLimits {
  maxPixels: number;
}

/** Width after the largest power-of-two reduction that stays at or above MIN_THUMB_WIDTH. */
export function thumbWidthFor(width: number): number {
  let shrink = 1;
  while (shrink < 64 && Math.ceil(width / (shrink * 2)) >= MIN_THUMB_WIDTH) shrink *= 2;
  return Math.ceil(width / shrink);
}

/** Halves a grey image, each pixel the rounded mean of a 2×2 block (a lone last row or column counts alone). */
export function halve(t: Thumb): Thumb {
  const w = Math.ceil(t.width / 2);
  const h = Math.ceil(t.height / 2);
  const out = new Uint8Array(w * h);
  const d = t.data;
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * t.width;
    const r1 = 2 * y + 1 < t.height ? r0 + t.width : r0;
    for (let x = 0; x < w; x++) {
      const x0 = 2 * x;
      const x1 = x0 + 1 < t.width ? x0 + 1 : x0;
      out[y * w + x] = ((d[r0 + x0] as number) + (d[r0 + x1] as number) + (d[r1 + x0] as number) + (d[r1 + x1] as number) + 2) >> 2;
    }
  }
  return { data: out, width: w, height: h };
}

export async function decodeThumb(bytes: Buffer, page: number, width: number, limits: DecodeLimits): Promise<Thumb> {
  const target = thumbWidthFor(width);
  if (page === 0 && target <= Math.ceil(width / 8)) {
    let thumb: Thumb | null = decodeJpegDc(bytes, limits.maxPixels);
    while (thumb && thumb.width > target) thumb = halve(thumb);
    if (thumb && thumb.width === target) return thumb;
  }
  const { data, info } = await sharp(bytes, { page, limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true })
    // A box-like filter, not point sampling: a thin "1" must survive an 8× reduction of a TIFF.
    .resize({ width: target, kernel: 'linear' })
    // Grey after the reduction, not before (.greyscale() would convert every decoded pixel, in
    // floating point): 64× fewer pixels for a TIFF, 4× for a JPEG. Same grey values on neutral
    // pages; on colour ones the order changes a value by a level or so.
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
