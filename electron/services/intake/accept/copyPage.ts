/**
 * One page of a delivered digital copy, made ready for the store WITHOUT reprocessing (the
 * enterprise already processed it): a JPEG stays byte-for-byte the image; a TIFF page becomes a
 * JPEG at its own resolution. A thumbnail and a reduced-scale blank check come along.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { makeThumbnail } from '../../digitization/thumbnail';
import type { PageRecord } from '../check/pageRecords';
import { analyseThumb } from '../check/thumbAnalysis';
import { decodeThumb } from '../check/thumbnail';

export interface CopyPage {
  jpeg: Buffer;
  thumb: Buffer;
  sha256: string;
  width: number;
  height: number;
  dpi: number;
  blank: boolean;
}

/** Pages without a recorded resolution were checked as A4 (LOW_DPI); store what the size implies, at least 300. */
function dpiOf(rec: PageRecord): number {
  if (rec.dpi !== null) return rec.dpi;
  return Math.max(300, Math.round(Math.min(rec.width, rec.height) / (210 / 25.4)));
}

export async function copyPage(bytes: Buffer, rec: PageRecord, maxPixels: number): Promise<CopyPage> {
  const dpi = dpiOf(rec);
  const jpeg =
    rec.format === 'jpeg'
      ? bytes
      : await sharp(bytes, { page: rec.tiffPage, limitInputPixels: maxPixels }).jpeg({ quality: 90 }).withMetadata({ density: dpi }).toBuffer();
  const [thumb, small] = await Promise.all([makeThumbnail(jpeg), decodeThumb(jpeg, 0, rec.width, { maxPixels })]);
  return {
    jpeg,
    thumb,
    sha256: crypto.createHash('sha256').update(jpeg).digest('hex'),
    width: rec.width,
    height: rec.height,
    dpi,
    blank: analyseThumb(small).blank,
  };
}
