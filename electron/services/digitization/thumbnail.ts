/** The strip's thumbnails: small JPEGs made once per processed image and stored beside it. */
import sharp from 'sharp';

export const THUMB_WIDTH = 240;

export async function makeThumbnail(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
}

/** Sniffs an image's type from its first bytes (originals are kept in whatever format arrived). */
export function imageMime(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png';
  if ((data[0] === 0x49 && data[1] === 0x49) || (data[0] === 0x4d && data[1] === 0x4d)) return 'image/tiff';
  return 'application/octet-stream';
}
