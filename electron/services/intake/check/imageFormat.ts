/** The real format of an image file, from its first bytes (extensions lie). */
export type ImageFormat = 'jpeg' | 'tiff' | 'png' | 'gif' | 'bmp' | 'webp' | 'jp2' | 'pdf' | 'heif' | 'unknown';

export function sniffFormat(b: Buffer): ImageFormat {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 6 && /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))) return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (b.length >= 12 && (b.subarray(4, 8).toString('latin1') === 'jP  ' || (b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51))) return 'jp2';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 12 && b.subarray(4, 8).toString('latin1') === 'ftyp') return 'heif';
  return 'unknown';
}

export const FORMAT_LABELS: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  tiff: 'TIFF',
  png: 'PNG',
  gif: 'GIF',
  bmp: 'BMP',
  webp: 'WebP',
  jp2: 'JPEG 2000',
  pdf: 'PDF',
  heif: 'HEIF/AVIF',
  unknown: '未知格式',
};
