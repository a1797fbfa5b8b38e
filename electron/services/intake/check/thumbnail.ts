/**
 * Decodes a page at reduced scale: JPEG shrink-on-load (libjpeg's DCT scaling) decodes an A4
 * 300-dpi page at a quarter of its size (sharp keeps a factor of two for its own reduction when the
 * shrink is exactly 8), then a linear reduction makes it 310 px wide. Refuses images over the pixel limit.
 */
import sharp from 'sharp';
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

export async function decodeThumb(bytes: Buffer, page: number, width: number, limits: DecodeLimits): Promise<Thumb> {
  const { data, info } = await sharp(bytes, { page, limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true })
    // A box-like filter, not point sampling: a thin "1" must survive an 8× reduction of a TIFF.
    .resize({ width: thumbWidthFor(width), kernel: 'linear' })
    // Grey after the reduction, not before (.greyscale() would convert every decoded pixel, in
    // floating point): 64× fewer pixels for a TIFF, 4× for a JPEG. Same grey values on neutral
    // pages; on colour ones the order changes a value by a level or so.
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
